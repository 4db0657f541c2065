using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Workflow.Mail;

/// <summary>
/// Renders and sends one mail. Activities run at least once, so the mail ledger makes the
/// send idempotent by mail id: a retry after a crash between send and record is the one
/// window where a mail could go twice, and a lost mail would be worse.
/// </summary>
public sealed partial class SendMail(IMailSender sender, IMailLedger ledger, IMailRenderer renderer, ILetterArchive letters, ILogger<SendMail> logger)
    : TaskActivity<MailRequest, MailReceipt>
{
    public override Task<MailReceipt> RunAsync(TaskActivityContext context, MailRequest input) => SendAsync(input, CancellationToken.None);

    public async Task<MailReceipt> SendAsync(MailRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await ledger.WasSentAsync(input.MailId, cancellationToken))
        {
            LogAlreadySent(logger, input.MailId);
            return new MailReceipt(input.MailId, AlreadySent: true);
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
}
