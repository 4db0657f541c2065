namespace Tilskudd.Workflow.Mail;

/// <summary>
/// A mail to send, as data: which template, with which values, to whom. <see cref="MailId"/> is
/// stable for one mail of one case ("ALT-2027-0042/kvittering") so a retried send is sent once.
/// </summary>
public sealed record MailRequest(
    string MailId,
    string Template,
    IReadOnlyDictionary<string, string> Model,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc);

public sealed record MailReceipt(string MailId, bool AlreadySent);
