using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Workflow.Mail;

/// <summary>
/// Renders and sends one mail. Activities run at least once, so the mail ledger makes the send idempotent by mail id.
/// The mail service has no idempotency key, so a crash between its answer and the ledger's record would send the
/// mail again on the retry (3 receipts of 97 in a chaos run with four kills): the ledger records the attempt before
/// the send, and a retry that finds an attempt without its end asks the service whether it took the mail.
/// </summary>
public sealed partial class SendMail(IMailSender sender, IMailLedger ledger, IMailRenderer renderer, ILetterArchive letters, ILogger<SendMail> logger)
    : TaskActivity<MailRequest, MailReceipt>
{
    public override Task<MailReceipt> RunAsync(TaskActivityContext context, MailRequest input) => SendAsync(input, CancellationToken.None);

    public async Task<MailReceipt> SendAsync(MailRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var entry = await ledger.FindAsync(input.MailId, cancellationToken);
        if (entry is { Sent: true })
        {
            LogAlreadySent(logger, input.MailId);
            return new MailReceipt(input.MailId, AlreadySent: true);
        }

        if (entry is { SinceAttempt: { } sinceAttempt })
        {
            bool? accepted = await sender.WasAcceptedAsync(input.MailId, cancellationToken);
            if (accepted == true)
            {
                await ledger.RecordSentAsync(input.MailId, cancellationToken);
                LogFoundAccepted(logger, input.MailId);
                return new MailReceipt(input.MailId, AlreadySent: true);
            }

            // The service's record may lag behind what it took: wait until it would show the mail before sending again.
            // A service that shows a mail at once (the local sink) is never waited for: its no is final.
            var lag = sender.AcceptedMailVisibleAfter;
            if (accepted == false && lag > TimeSpan.Zero && sinceAttempt < lag)
            {
                throw new MailStateNotYetKnownException(
                    $"Mail {input.MailId} was attempted {sinceAttempt} ago and the mail service does not show it yet; asking again later.");
            }

            LogSendingAgain(logger, input.MailId, accepted is null ? "the mail service cannot tell" : "the mail service did not take it");
        }
        else
        {
            await ledger.RecordAttemptAsync(input.MailId, cancellationToken);
        }

        var (subject, text, html) = renderer.Render(input.Template, input.Model);
        // A letter goes with its mail as a PDF. It is rendered and stored here rather than fetched, so the mail
        // never waits on the RenderLetter activity of the same turn; both store the same file.
        IReadOnlyList<MailAttachment> attachments = ArchivedLetter.ForMail(input.MailId, input.Template, subject, text) is { } letter
            ? [await AttachmentAsync(letter, cancellationToken)]
            : [];
        await sender.SendAsync(new OutgoingMail(input.MailId, input.To, input.Cc, subject, text, html, attachments), cancellationToken);
        await ledger.RecordSentAsync(input.MailId, cancellationToken);
        LogSent(logger, input.MailId, input.Template);
        return new MailReceipt(input.MailId, AlreadySent: false);
    }

    async Task<MailAttachment> AttachmentAsync(ArchivedLetter letter, CancellationToken cancellationToken)
    {
        var file = await letters.StoreAsync(letter, cancellationToken);
        return new MailAttachment(file.FileName, "application/pdf", file.Content);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} sent from template {Template}")]
    static partial void LogSent(ILogger logger, string mailId, string template);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} was already sent; not sending again")]
    static partial void LogAlreadySent(ILogger logger, string mailId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} was attempted before without its end recorded; the mail service had taken it, so it is not sent again")]
    static partial void LogFoundAccepted(ILogger logger, string mailId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} was attempted before without its end recorded; sending it again: {Why}")]
    static partial void LogSendingAgain(ILogger logger, string mailId, string why);
}

/// <summary>A mail's earlier attempt is not yet visible at the mail service; the activity's retry asks again.</summary>
public sealed class MailStateNotYetKnownException : Exception
{
    public MailStateNotYetKnownException()
    {
    }

    public MailStateNotYetKnownException(string message)
        : base(message)
    {
    }

    public MailStateNotYetKnownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
