using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Workflow.Mail;

/// <summary>
/// Renders and sends one mail. Activities run at least once, so the mail ledger makes the
/// send idempotent by mail id: a retry after a crash between send and record is the one
/// window where a mail could go twice, and a lost mail would be worse.
/// </summary>
public sealed partial class SendMail(IMailSender sender, IMailLedger ledger, IMailRenderer renderer, ILogger<SendMail> logger)
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
        await sender.SendAsync(new OutgoingMail(input.MailId, input.To, input.Cc, subject, text, html), cancellationToken);
        await ledger.RecordSentAsync(input.MailId, cancellationToken);
        LogSent(logger, input.MailId, input.Template);
        return new MailReceipt(input.MailId, AlreadySent: false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} sent from template {Template}")]
    static partial void LogSent(ILogger logger, string mailId, string template);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} was already sent; not sending again")]
    static partial void LogAlreadySent(ILogger logger, string mailId);
}
