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
