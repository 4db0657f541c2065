using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Local.DevMail;

/// <summary>A mail the local SendGrid sink received; <paramref name="ReceivedBy"/> is the host process that sent it (machine:pid), for running several hosts on one storage.</summary>
public sealed record DevMail(
    string Id, DateTimeOffset ReceivedAt, string? MailId, string From, IReadOnlyList<string> To, IReadOnlyList<string> Cc, string Subject, string Text, string? Html,
    IReadOnlyList<DevMailAttachment>? Attachments = null, string? ReceivedBy = null);

/// <summary>A file that came with a mail (a letter's PDF); <paramref name="Link"/> opens it from the sink.</summary>
public sealed record DevMailAttachment(string FileName, string ContentType, long Length, string Link);

/// <summary>
/// Keeps what the local SendGrid sink receives in a table of the local storage account, so the
/// mails outlive a restart of the host (and a test can count them across one).
/// </summary>
public sealed class DevMailbox(StorageClients storage, TimeProvider time)
{
    public const string Table = "devmail";

    /// <summary>Attachments are kept as blobs, {mail id}/{file name}: a letter's PDF is too large for a table row.</summary>
    public const string Container = "devmail";
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
        mail = mail with { Attachments = await StoreAttachmentsAsync(mail.Id, sendGridRequest["attachments"]?.AsArray() ?? [], cancellationToken) };
        await Mails.AddEntityAsync(new TableEntity(Partition, mail.Id) { ["Json"] = JsonSerializer.Serialize(mail, JsonDefaults.Options), ["MailId"] = mail.MailId }, cancellationToken);
        return mail;
    }

    /// <summary>The mails received that carry this mail id (SendGrid's custom argument), as its activity feed lists them.</summary>
    public async Task<IReadOnlyList<DevMail>> FindByMailIdAsync(string mailId, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var found = new List<DevMail>();
        await foreach (var row in Mails.QueryAsync<TableEntity>(e => e.PartitionKey == Partition && e.GetString("MailId") == mailId, cancellationToken: cancellationToken))
        {
            found.Add(JsonSerializer.Deserialize<DevMail>(row.GetString("Json"), JsonDefaults.Options)!);
        }

        return found;
    }

    /// <summary>An attachment's bytes and type; null when the mail has no such file.</summary>
    public async Task<(byte[] Content, string ContentType)?> AttachmentAsync(string mailId, string fileName, CancellationToken cancellationToken)
    {
        if (mailId.Contains('/', StringComparison.Ordinal) || fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var blob = storage.Container(Container).GetBlobClient($"{mailId}/{fileName}");
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            return (content.Value.Content.ToArray(), content.Value.Details.ContentType ?? "application/octet-stream");
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    async Task<IReadOnlyList<DevMailAttachment>> StoreAttachmentsAsync(string id, JsonArray attachments, CancellationToken cancellationToken)
    {
        var stored = new List<DevMailAttachment>();
        if (attachments.Count == 0)
        {
            return stored;
        }

        var container = storage.Container(Container);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var attachment in attachments)
        {
            string fileName = Path.GetFileName(attachment?["filename"]?.GetValue<string>() ?? "vedlegg");
            string type = attachment?["type"]?.GetValue<string>() ?? "application/octet-stream";
            byte[] content = Convert.FromBase64String(attachment?["content"]?.GetValue<string>() ?? "");
            await container.GetBlobClient($"{id}/{fileName}").UploadAsync(
                BinaryData.FromBytes(content),
                new Azure.Storage.Blobs.Models.BlobUploadOptions { HttpHeaders = new Azure.Storage.Blobs.Models.BlobHttpHeaders { ContentType = type } },
                cancellationToken);
            stored.Add(new DevMailAttachment(fileName, type, content.Length, $"/dev/mail/{id}/{Uri.EscapeDataString(fileName)}"));
        }

        return stored;
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
            ReceivedBy: $"{Environment.MachineName}:{Environment.ProcessId}");
    }
}
