using SendGrid;
using SendGrid.Helpers.Mail;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Mail;

/// <summary>Sends mail through the real SendGrid client; a refused send throws so the activity is retried.</summary>
public sealed class SendGridMailSender : IMailSender
{
    readonly SendGridClient client;
    readonly MailOptions options;

    public SendGridMailSender(MailOptions options, HttpClient httpClient)
    {
        this.options = options;
        var clientOptions = new SendGridClientOptions { ApiKey = options.SendGridApiKey };
        if (!string.IsNullOrWhiteSpace(options.SendGridHost))
        {
            clientOptions.Host = options.SendGridHost.TrimEnd('/');
        }

        client = new SendGridClient(httpClient, clientOptions);
    }

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = new SendGridMessage
        {
            From = new EmailAddress(options.FromAddress, options.FromName),
            Subject = mail.Subject,
            PlainTextContent = mail.TextBody,
            HtmlContent = mail.HtmlBody,
        };
        message.AddTos(mail.To.Select(address => new EmailAddress(address)).ToList());
        if (mail.Cc.Count > 0)
        {
            message.AddCcs(mail.Cc.Select(address => new EmailAddress(address)).ToList());
        }

        foreach (var attachment in mail.Attachments ?? [])
        {
            message.AddAttachment(attachment.FileName, Convert.ToBase64String(attachment.Content), attachment.ContentType);
        }

        // Lets SendGrid's event webhook (and the local sink) tie a delivery back to the case's mail.
        message.AddCustomArg("mailId", mail.MailId);

        var response = await client.SendEmailAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            string body = await response.Body.ReadAsStringAsync(cancellationToken);
            throw new MailNotSentException($"SendGrid refused mail {mail.MailId}: {(int)response.StatusCode} {body}");
        }
    }

    /// <summary>
    /// SendGrid's Email Activity API (<c>GET /v3/messages</c>, filtered on the custom argument the send carried): a mail
    /// it took is listed there. Null when the account has no access to the feed (an add-on; the key needs its scope).
    /// </summary>
    public async Task<bool?> WasAcceptedAsync(string mailId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailId);
        string query = $"unique_args['mailId']=\"{mailId.Replace("\"", "", StringComparison.Ordinal)}\"";
        var response = await client.RequestAsync(
            method: BaseClient.Method.GET, urlPath: "messages", queryParams: $"{{\"query\": {System.Text.Json.JsonSerializer.Serialize(query)}, \"limit\": 1}}",
            cancellationToken: cancellationToken);
        if (response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new MailNotSentException($"SendGrid's activity feed did not answer for mail {mailId}: {(int)response.StatusCode}");
        }

        using var answer = System.Text.Json.JsonDocument.Parse(await response.Body.ReadAsStringAsync(cancellationToken));
        return answer.RootElement.TryGetProperty("messages", out var messages) && messages.GetArrayLength() > 0;
    }

    /// <summary>SendGrid lists a message in its activity feed some time after taking it: minutes at worst (settings).</summary>
    public TimeSpan AcceptedMailVisibleAfter => options.ActivityFeedLag;
}

public sealed class MailNotSentException : Exception
{
    public MailNotSentException()
    {
    }

    public MailNotSentException(string message)
        : base(message)
    {
    }

    public MailNotSentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
