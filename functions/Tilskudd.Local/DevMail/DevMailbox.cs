using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Local.DevMail;

/// <summary>A mail the local SendGrid sink received; <paramref name="ReceivedBy"/> is the host process that sent it (machine:pid), for running several hosts on one storage.</summary>
public sealed record DevMail(string Id, DateTimeOffset ReceivedAt, string? MailId, string From, IReadOnlyList<string> To, IReadOnlyList<string> Cc, string Subject, string Text, string? Html, string? ReceivedBy = null);

/// <summary>
/// Keeps what the local SendGrid sink receives in a table of the local storage account, so the
/// mails outlive a restart of the host (and a test can count them across one).
/// </summary>
public sealed class DevMailbox(StorageClients storage, TimeProvider time)
{
    public const string Table = "devmail";
    const string Partition = "mail";

    /// <summary>Set once the table is known to exist: creating it on every mail cost a request each (bench, issue 18).</summary>
    volatile bool tableExists;

    TableClient Mails => storage.Table(Table);

    async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!tableExists)
        {
            await Mails.CreateIfNotExistsAsync(cancellationToken);
            tableExists = true;
        }
    }

    public async Task<DevMail> StoreAsync(JsonObject sendGridRequest, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var now = time.GetUtcNow();
        var mail = Parse(sendGridRequest, now);
        await Mails.AddEntityAsync(new TableEntity(Partition, mail.Id) { ["Json"] = JsonSerializer.Serialize(mail, JsonDefaults.Options) }, cancellationToken);
        return mail;
    }

    public async Task<IReadOnlyList<DevMail>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var mails = new List<DevMail>();
        await foreach (var row in Mails.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            mails.Add(JsonSerializer.Deserialize<DevMail>(row.GetString("Json"), JsonDefaults.Options)!);
        }

        return mails;
    }

    // Row keys count down so the table lists the newest mail first.
    static DevMail Parse(JsonObject request, DateTimeOffset now)
    {
        string id = $"{DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks:D19}-{Guid.NewGuid():N}";
        var personalization = request["personalizations"]?[0];
        IReadOnlyList<string> Addresses(JsonNode? list) =>
            list?.AsArray().Select(a => a?["email"]?.GetValue<string>() ?? "").ToList() ?? [];
        var content = request["content"]?.AsArray() ?? [];
        string? Content(string type) =>
            content.FirstOrDefault(c => c?["type"]?.GetValue<string>() == type)?["value"]?.GetValue<string>();

        return new DevMail(
            id,
            now,
            request["custom_args"]?["mailId"]?.GetValue<string>() ?? personalization?["custom_args"]?["mailId"]?.GetValue<string>(),
            request["from"]?["email"]?.GetValue<string>() ?? "",
            Addresses(personalization?["to"]),
            Addresses(personalization?["cc"]),
            personalization?["subject"]?.GetValue<string>() ?? request["subject"]?.GetValue<string>() ?? "",
            Content("text/plain") ?? "",
            Content("text/html"),
            $"{Environment.MachineName}:{Environment.ProcessId}");
    }
}
