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
}
