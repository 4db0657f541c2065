using Microsoft.Extensions.Logging.Abstractions;
using Tilskudd.Domain.Cases;
using Tilskudd.Testing.Fakes;
using Tilskudd.Workflow.Effects;
using Tilskudd.Workflow.Mail;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Workflow.Tests.Effects;

public sealed class UpdateCaseViewAndMailTests
{
    const string Reference = "ALT-2027-0011";

    readonly InMemoryCaseViews views = new();
    readonly InMemoryMailLedger ledger = new();

    static CaseViewAndMails ReminderTurn(int version) => new(
        new CaseViewUpdate(
            CaseSummary.Of(Case(version)),
            Case(version),
            [new NumberedEvent(version, new ReportReminderSent(Actor.Clock, new DateTimeOffset(2028, 2, 1, 8, 0, 0, TimeSpan.FromHours(1)), 1))]),
        [new MailRequest($"{Reference}/{version}/rapport-paminnelse", "rapport-paminnelse", new Dictionary<string, string>(), ["kari@nordlys.example.org"], [])]);

    static CaseState Case(int version) => CaseState.Initial with
    {
        Reference = Reference,
        RoundId = "alta-2027",
        Status = CaseStatus.ReportDue,
        Version = version,
        ContactEmail = "kari@nordlys.example.org",
    };

    UpdateCaseViewAndMail Activity(IMailSender sender) =>
        new(views, sender, ledger, new EchoRenderer(), new RecordingLetterArchive(), NullLogger<Workflow.Mail.SendMail>.Instance);

    [Fact]
    public async Task The_case_row_is_current_before_the_mail_that_tells_the_organisation_what_to_do_goes()
    {
        var sender = new RowWatchingSender(views);

        await Activity(sender).CarryOutAsync(ReminderTurn(14), TestContext.Current.CancellationToken);

        Assert.Equal([14], sender.VersionSeenAtSend);
        Assert.Single(await views.EventsAsync(Reference, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_turn_retried_after_the_mail_service_failed_sends_the_mail_once_and_keeps_the_row()
    {
        var sender = new RecordingMailSender();
        sender.FailNext(1);

        await Assert.ThrowsAsync<HttpRequestException>(() => Activity(sender).CarryOutAsync(ReminderTurn(14), TestContext.Current.CancellationToken));
        var receipts = await Activity(sender).CarryOutAsync(ReminderTurn(14), TestContext.Current.CancellationToken);
        var again = await Activity(sender).CarryOutAsync(ReminderTurn(14), TestContext.Current.CancellationToken);

        Assert.Single(sender.Sent);
        Assert.False(Assert.Single(receipts).AlreadySent);
        Assert.True(Assert.Single(again).AlreadySent);
        var row = await views.FindAsync("alta-2027", Reference, TestContext.Current.CancellationToken);
        Assert.Equal(14, row?.State.Version);
    }

    /// <summary>Records which version of the case's row the door would have seen at the moment each mail went.</summary>
    sealed class RowWatchingSender(InMemoryCaseViews views) : IMailSender
    {
        public List<int?> VersionSeenAtSend { get; } = [];

        public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            var row = await views.FindAsync("alta-2027", Reference, cancellationToken);
            VersionSeenAtSend.Add(row?.State.Version);
        }

        public Task<bool?> WasAcceptedAsync(string mailId, CancellationToken cancellationToken) => Task.FromResult<bool?>(false);

        public TimeSpan AcceptedMailVisibleAfter => TimeSpan.Zero;
    }
}
