using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Infrastructure.Applications;

/// <summary>What an earlier submit with the same Idempotency-Key was given, and whether it got all the way.</summary>
/// <param name="RequestHash">Hash of that request's content, to tell a retry from a different application under a reused key.</param>
/// <param name="Completed">The application was stored and its case started.</param>
public sealed record IdempotentSubmit(string Reference, string RequestHash, DateTimeOffset ClaimedAt, bool Completed);

/// <summary>
/// Remembers which reference number an Idempotency-Key was given, per round. The first submit
/// claims the key with an insert (only one insert can win) and marks it completed when its case
/// has started; a concurrent or later submit with the same key finds the claim.
/// </summary>
public sealed class IdempotencyStore(StorageClients storage)
{
    TableClient Claims => storage.Table(StorageNames.IdempotencyTable);

    public async Task<IdempotentSubmit?> FindAsync(string roundId, string key, CancellationToken cancellationToken)
    {
        var row = await Claims.GetEntityIfExistsAsync<TableEntity>(roundId, RowKeyFor(key), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity
            ? new IdempotentSubmit(
                entity.GetString("Reference"),
                entity.GetString("RequestHash"),
                entity.GetDateTimeOffset("ClaimedAt").GetValueOrDefault(),
                entity.GetBoolean("Completed").GetValueOrDefault())
            : null;
    }

    /// <summary>Claims the key for this submit; returns the earlier claim when the key was taken first.</summary>
    public async Task<IdempotentSubmit> ClaimAsync(string roundId, string key, IdempotentSubmit claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var entity = new TableEntity(roundId, RowKeyFor(key))
        {
            ["Reference"] = claim.Reference,
            ["RequestHash"] = claim.RequestHash,
            ["ClaimedAt"] = claim.ClaimedAt,
            ["Completed"] = false,
        };
        try
        {
            await Claims.AddEntityAsync(entity, cancellationToken);
            return claim;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await FindAsync(roundId, key, cancellationToken)
                ?? throw new InvalidOperationException("An idempotency claim vanished after a conflict.", e);
        }
    }

    public Task MarkCompletedAsync(string roundId, string key, CancellationToken cancellationToken) =>
        Claims.UpdateEntityAsync(new TableEntity(roundId, RowKeyFor(key)) { ["Completed"] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    // Keys are client-chosen text; hashing keeps them within Table key rules and bounded in length.
    static string RowKeyFor(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
