namespace Tilskudd.Workflow.Ports;

/// <summary>A rendered mail, ready for the mail service.</summary>
/// <param name="Attachments">The letter's PDF for a decision, grant letter, repayment claim or appeal decision; else none.</param>
public sealed record OutgoingMail(
    string MailId,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    string TextBody,
    string? HtmlBody,
    IReadOnlyList<MailAttachment>? Attachments = null);

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>Which mails have gone out, by mail id, so an activity that runs twice sends once.</summary>
public interface IMailLedger
{
    Task<bool> WasSentAsync(string mailId, CancellationToken cancellationToken);

    Task RecordSentAsync(string mailId, CancellationToken cancellationToken);
}

/// <summary>Turns a template id and its values into subject and body (nb-NO).</summary>
public interface IMailRenderer
{
    (string Subject, string TextBody, string? HtmlBody) Render(string templateId, IReadOnlyDictionary<string, string> model);
}
