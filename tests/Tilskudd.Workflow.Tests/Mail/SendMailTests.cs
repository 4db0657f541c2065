using Microsoft.Extensions.Logging.Abstractions;
using Tilskudd.Testing.Fakes;
using Tilskudd.Workflow.Mail;

namespace Tilskudd.Workflow.Tests.Mail;

public sealed class SendMailTests
{
    readonly RecordingMailSender sender = new();
    readonly InMemoryMailLedger ledger = new();

    readonly RecordingLetterArchive letters = new();

    SendMail Activity() => new(sender, ledger, new EchoRenderer(), letters, NullLogger<SendMail>.Instance);

    static MailRequest Receipt(string reference) => new(
        $"{reference}/kvittering", "kvittering", new Dictionary<string, string> { ["reference"] = reference }, ["kari@nordlys.example.org"], []);

    [Fact]
    public async Task A_mail_run_twice_is_sent_once()
    {
        var first = await Activity().SendAsync(Receipt("ALT-2027-0007"), TestContext.Current.CancellationToken);
        var second = await Activity().SendAsync(Receipt("ALT-2027-0007"), TestContext.Current.CancellationToken);

        Assert.Single(sender.Sent);
        Assert.False(first.AlreadySent);
        Assert.True(second.AlreadySent);
    }

    [Fact]
    public async Task A_crash_after_the_mail_service_took_the_mail_and_before_the_ledger_knew_sends_it_once()
    {
        var crashing = new LedgerThatCrashesBeforeRecordingTheSend(ledger);
        var crashed = new SendMail(sender, crashing, new EchoRenderer(), letters, NullLogger<SendMail>.Instance);

        await Assert.ThrowsAsync<IOException>(() => crashed.SendAsync(Receipt("ALT-2027-0011"), TestContext.Current.CancellationToken));
        var retried = await Activity().SendAsync(Receipt("ALT-2027-0011"), TestContext.Current.CancellationToken);

        Assert.Single(sender.Sent);
        Assert.True(retried.AlreadySent);
        Assert.True((await ledger.FindAsync("ALT-2027-0011/kvittering", TestContext.Current.CancellationToken))?.Sent);
    }

    [Fact]
    public async Task An_attempt_the_mail_service_never_took_is_sent_on_the_retry()
    {
        await ledger.RecordAttemptAsync("ALT-2027-0012/kvittering", TestContext.Current.CancellationToken);

        var retried = await Activity().SendAsync(Receipt("ALT-2027-0012"), TestContext.Current.CancellationToken);

        Assert.False(retried.AlreadySent);
        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task An_attempt_the_mail_services_record_may_not_show_yet_is_asked_about_again_later_and_not_sent()
    {
        var lagging = new LaggingSender(sender, TimeSpan.FromMinutes(10));
        await ledger.RecordAttemptAsync("ALT-2027-0013/kvittering", TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<MailStateNotYetKnownException>(() =>
            new SendMail(lagging, ledger, new EchoRenderer(), letters, NullLogger<SendMail>.Instance).SendAsync(Receipt("ALT-2027-0013"), TestContext.Current.CancellationToken));

        Assert.Empty(sender.Sent);
    }

    [Fact]
    public async Task A_mail_that_failed_is_not_recorded_as_sent_so_the_retry_sends_it()
    {
        sender.FailNext(1);

        await Assert.ThrowsAsync<HttpRequestException>(() => Activity().SendAsync(Receipt("ALT-2027-0008"), TestContext.Current.CancellationToken));
        await Activity().SendAsync(Receipt("ALT-2027-0008"), TestContext.Current.CancellationToken);

        Assert.Single(sender.Sent);
    }

    [Fact]
    public async Task A_decision_mail_carries_its_letter_as_the_pdf_the_case_archive_keeps_and_a_receipt_carries_none()
    {
        var decision = new MailRequest("ALT-2027-0009/12/vedtak-innvilget", "vedtak-innvilget", new Dictionary<string, string>(), ["kari@nordlys.example.org"], []);

        await Activity().SendAsync(decision, TestContext.Current.CancellationToken);
        await Activity().SendAsync(Receipt("ALT-2027-0009"), TestContext.Current.CancellationToken);

        var sent = sender.Sent.ToList();
        var attachment = Assert.Single(sent[0].Attachments!);
        Assert.Equal(("vedtak-innvilget-12.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType));
        var letter = Assert.Single(letters.Stored);
        Assert.Equal("ALT-2027-0009/12/brev-vedtak-innvilget", letter.LetterId);
        Assert.Empty(sent[1].Attachments!);
    }

    [Fact]
    public void The_receipt_goes_to_the_contact_with_a_copy_to_the_organisation_when_given()
    {
        var start = new Tilskudd.Workflow.Cases.CaseStart(
            "OSL-2027-0003", "oslo-2027", "812345672", "Grünerløkka Samtalegruppe", 80_000, DateTimeOffset.UnixEpoch,
            ["ola@privat.example.org"], ["styret@samtale.example.org"]);

        var mail = ConfirmationMail.For(start);

        Assert.Equal("OSL-2027-0003/kvittering", mail.MailId);
        Assert.Equal(["ola@privat.example.org"], mail.To);
        Assert.Equal(["styret@samtale.example.org"], mail.Cc);
        Assert.Equal("OSL-2027-0003", mail.Model["reference"]);
    }

    /// <summary>The process dies after the mail service answered and before the ledger heard of it.</summary>
    sealed class LedgerThatCrashesBeforeRecordingTheSend(InMemoryMailLedger inner) : Workflow.Ports.IMailLedger
    {
        public Task<Workflow.Ports.MailLedgerEntry?> FindAsync(string mailId, CancellationToken cancellationToken) => inner.FindAsync(mailId, cancellationToken);

        public Task RecordAttemptAsync(string mailId, CancellationToken cancellationToken) => inner.RecordAttemptAsync(mailId, cancellationToken);

        public Task RecordSentAsync(string mailId, CancellationToken cancellationToken) => throw new IOException("The host was killed.");
    }

    /// <summary>A mail service whose record of what it took lags: it answers no for a while.</summary>
    sealed class LaggingSender(RecordingMailSender inner, TimeSpan lag) : Workflow.Ports.IMailSender
    {
        public Task SendAsync(Workflow.Ports.OutgoingMail mail, CancellationToken cancellationToken) => inner.SendAsync(mail, cancellationToken);

        public Task<bool?> WasAcceptedAsync(string mailId, CancellationToken cancellationToken) => Task.FromResult<bool?>(false);

        public TimeSpan AcceptedMailVisibleAfter => lag;
    }
}
