using Azure.Data.Tables;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Infrastructure.Rounds;

/// <summary>An opened round: which scheme, which grant year, opened when.</summary>
public sealed record OpenedRound(string SchemeId, int GrantYear, DateTimeOffset OpenedAt);

/// <summary>The rounds a kommune has opened. The round's rules come from the scheme data; only the opening is stored.</summary>
public sealed class RoundStore(StorageClients storage)
{
    const string Partition = "opened";

    public async Task<IReadOnlyList<OpenedRound>> ListAsync(CancellationToken cancellationToken)
    {
        var rounds = new List<OpenedRound>();
        await foreach (var row in storage.Table(StorageNames.RoundsTable)
            .QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            rounds.Add(new OpenedRound(row.GetString("SchemeId"), row.GetInt32("GrantYear").GetValueOrDefault(), row.GetDateTimeOffset("OpenedAt").GetValueOrDefault()));
        }

        return rounds;
    }

    /// <summary>Opens a round; opening one that is open already changes nothing.</summary>
    public async Task<bool> OpenAsync(string roundId, OpenedRound round, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, roundId)
        {
            ["SchemeId"] = round.SchemeId,
            ["GrantYear"] = round.GrantYear,
            ["OpenedAt"] = round.OpenedAt,
        };
        try
        {
            await storage.Table(StorageNames.RoundsTable).AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
