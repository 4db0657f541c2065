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

    /// <summary>
    /// Whether the mail service has taken a mail that carries this mail id, asked after a send whose answer was lost
    /// (a crash between the service's answer and the ledger): null when the service cannot tell.
    /// </summary>
    Task<bool?> WasAcceptedAsync(string mailId, CancellationToken cancellationToken);

    /// <summary>How long after taking a mail the service may still answer <see cref="WasAcceptedAsync"/> with no.</summary>
    TimeSpan AcceptedMailVisibleAfter { get; }
}

/// <summary>
/// What the ledger knows of a mail: sent, or a send begun <paramref name="SinceAttempt"/> ago (by the ledger's own clock,
/// which recorded the attempt) whose end was not recorded.
/// </summary>
public sealed record MailLedgerEntry(bool Sent, TimeSpan? SinceAttempt);

/// <summary>Which mails have gone out, by mail id, so an activity that runs twice sends once.</summary>
public interface IMailLedger
{
    /// <summary>Null when no send of the mail was ever begun.</summary>
    Task<MailLedgerEntry?> FindAsync(string mailId, CancellationToken cancellationToken);

    /// <summary>Notes that a send is about to begin; an earlier attempt's time is kept.</summary>
    Task RecordAttemptAsync(string mailId, CancellationToken cancellationToken);

    Task RecordSentAsync(string mailId, CancellationToken cancellationToken);
}

/// <summary>Turns a template id and its values into subject and body (nb-NO).</summary>
public interface IMailRenderer
{
    (string Subject, string TextBody, string? HtmlBody) Render(string templateId, IReadOnlyDictionary<string, string> model);
}
