using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Rounds;
using Tilskudd.Testing;
using Tilskudd.Testing.Fakes;
using Tilskudd.Workflow.Cases;

namespace Tilskudd.Workflow.Tests.Cases;

/// <summary>The case orchestration on the in-process engine (real replay), its ports faked.</summary>
public sealed class CaseOrchestratorTests : IAsyncLifetime
{
    static readonly Actor Caseworker = new(ActorRole.Caseworker, "saksbehandler-1");
    static readonly Actor DecisionMaker = new(ActorRole.DecisionMaker, "beslutter-1");
    static readonly Actor Register = Actor.System("register");
    /// <summary>The day these cases are submitted on: every case starts its clock here, whatever day the tests run.</summary>
    static readonly DateTimeOffset SubmittedAt = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    readonly WorkflowFakes fakes = new();
    DurableTaskTestHost host = null!;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        fakes.Register["912345688"] = new RegisterFacts("912345688", "Nordlys Flerkulturelle Forening", true, "5603", new DateOnly(2015, 3, 1), false, false, "FLI");
        host = await DurableTestHost.StartAsync(WorkflowRegistry.Register, fakes.AddTo, Ct);
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    static CaseStart Start(string reference, long amount = 45_000, string organisationNumber = "912345688") => new(
        reference, "alta-2027", organisationNumber, "Nordlys Flerkulturelle Forening", amount, SubmittedAt,
        MailTo: ["kari@nordlys.example.org"], MailCopyTo: [], Delmål: ["A"]);

    async Task<string> StartCaseAsync(CaseStart start)
    {
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(CaseOrchestrator), new CaseInput(start, ClockOffset: CaseClock.LeadTo(start.SubmittedAt)), new StartOrchestrationOptions(start.Reference), Ct);
        await WaitForAsync(start.Reference, p => p.ConfirmationSent);
        return start.Reference;
    }

    Task SendAsync(string id, string commandId, CaseCommand command) =>
        host.Client.RaiseEventAsync(id, CaseMessage.EventName, new CaseMessage(commandId, command), Ct);

    /// <summary>Moves the case's clock so that its "now" is <paramref name="now"/> (the development clock).</summary>
    Task SetClockAsync(string id, DateTimeOffset now) =>
        host.Client.RaiseEventAsync(id, CaseMessage.EventName, new CaseMessage($"clock-{now:O}", null, CaseClock.LeadTo(now)), Ct);

    async Task<CaseProgress> WaitForAsync(string id, Func<CaseProgress, bool> done, TimeSpan? timeout = null)
    {
        // Generous: at load 80 (two suites beside each other) a step of the in-process engine took more than 30 s.
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        while (true)
        {
            var instance = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, Ct);
            var progress = instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<CaseProgress>();
            if (progress is not null && done(progress))
            {
                return progress;
            }

            Assert.True(instance?.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated), $"Case {id} failed: {instance?.FailureDetails}");
            Assert.True(DateTime.UtcNow < deadline, $"Case {id} did not get there in time; last status: {progress?.Summary}");
            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task A_new_case_sends_the_receipt_and_waits_for_its_next_command()
    {
        string id = await StartCaseAsync(Start("ALT-2027-0001"));

        var sent = Assert.Single(fakes.Mail.Sent);
        Assert.Equal("ALT-2027-0001/kvittering", sent.MailId);
        Assert.Equal(["kari@nordlys.example.org"], sent.To);
        var instance = await host.Client.GetInstanceAsync(id, Ct);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        var progress = await WaitForAsync(id, p => p.Summary?.Status == CaseStatus.WaitingForDeadline);
        Assert.Contains(progress.Recent, r => r.CommandId == "ALT-2027-0001/eligibility" && r.Accepted);
        var view = await fakes.Views.FindAsync("alta-2027", id, Ct);
        Assert.Empty(view!.Value.State.EligibilityFindings!);
    }

    [Fact]
    public async Task A_mail_service_that_is_down_for_a_while_does_not_lose_the_receipt()
    {
        fakes.Mail.FailNext(2);

        await StartCaseAsync(Start("ALT-2027-0002"));

        Assert.Single(fakes.Mail.Sent);
    }

    [Fact]
    public async Task A_command_that_arrives_before_the_timer_is_decided_and_its_outcome_shown()
    {
        string id = await StartCaseAsync(Start("ALT-2027-0003"));
        await WaitForAsync(id, p => p.Summary?.Status == CaseStatus.WaitingForDeadline);

        await SendAsync(id, "cmd-1", new Withdraw(new Actor(ActorRole.Organisation, "912345688"), "Prosjektet er avlyst."));

        var progress = await WaitForAsync(id, p => p.Recent.Any(r => r.CommandId == "cmd-1"));
        Assert.True(progress.Recent.Single(r => r.CommandId == "cmd-1").Accepted);
        Assert.Equal(CaseStatus.Withdrawn, progress.Summary!.Status);
        var instance = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Ct);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
    }

    [Fact]
    public async Task An_organisation_the_registers_do_not_know_is_found_ineligible_and_cannot_be_granted()
    {
        fakes.Pots.Pot = RoundCatalog.ForYear("alta", 2027).Pot;
        string id = await StartCaseAsync(Start("ALT-2027-0011", organisationNumber: "998877660"));
        await BringToAssessedAsync(id);

        await SendAsync(id, "grant", new MakeDecision(DecisionMaker, DecisionOutcome.Granted, 45_000, []));

        var progress = await WaitForAsync(id, p => p.Recent.Any(r => r.CommandId == "grant"));
        Assert.Equal("ineligible", progress.Recent.Single(r => r.CommandId == "grant").Code);
        Assert.Equal(0, fakes.Pots.GrantedIn("alta-2027"));
    }

    [Fact]
    public async Task A_command_the_decider_refuses_is_recorded_with_its_reason_and_the_case_goes_on()
    {
        string id = await StartCaseAsync(Start("ALT-2027-0004"));

        await SendAsync(id, "decide-too-early", new MakeDecision(DecisionMaker, DecisionOutcome.Granted, 45_000, []));

        var progress = await WaitForAsync(id, p => p.Recent.Any(r => r.CommandId == "decide-too-early"));
        var outcome = progress.Recent.Single(r => r.CommandId == "decide-too-early");
        Assert.False(outcome.Accepted);
        Assert.Equal("not-allowed-now", outcome.Code);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Message));
        Assert.Equal(CaseStatus.WaitingForDeadline, progress.Summary!.Status);
    }

    [Fact]
    public async Task The_same_command_sent_twice_is_decided_once()
    {
        string id = await StartCaseAsync(Start("ALT-2027-0005"));
        var tooEarly = new StartReview(Caseworker);

        await SendAsync(id, "same", tooEarly);
        await SendAsync(id, "same", tooEarly);
        await SendAsync(id, "after", tooEarly);

        var progress = await WaitForAsync(id, p => p.Recent.Any(r => r.CommandId == "after"));
        Assert.Single(progress.Recent, r => r.CommandId == "same");
    }

    [Fact]
    public async Task A_timer_that_falls_due_before_any_command_does_what_is_due()
    {
        string id = await StartCaseAsync(Start("ALT-2027-0006"));
        var waiting = await WaitForAsync(id, p => p.Summary?.Status == CaseStatus.WaitingForDeadline);
        var due = waiting.Summary!.NextDueAt!.Value;

        // Put the case's clock two seconds before its next due instant, so a real durable timer has to fire.
        await SetClockAsync(id, due - TimeSpan.FromSeconds(2));

        await WaitForAsync(id, _ => !fakes.Notices.IsEmpty, TimeSpan.FromSeconds(30));
        Assert.Contains(fakes.Notices, n => n.Reference == id);
    }

    [Fact]
    public async Task A_long_lived_case_starts_its_history_afresh_and_keeps_its_state()
    {
        string id = await StartCaseAsync(Start("ALT-2027-0007"));
        for (int i = 0; i < CaseOrchestrator.TurnsPerGeneration + 5; i++)
        {
            await SendAsync(id, $"again-{i}", new CheckEligibility(Register, true, true, new DateOnly(2015, 3, 1), "FLI"));
        }

        var progress = await WaitForAsync(id, p => p.Recent.Any(r => r.CommandId == $"again-{CaseOrchestrator.TurnsPerGeneration + 4}"), TimeSpan.FromSeconds(60));

        Assert.Equal(CaseStatus.WaitingForDeadline, progress.Summary!.Status);
        Assert.All(progress.Recent.Where(r => r.CommandId.StartsWith("again-", StringComparison.Ordinal)), r => Assert.False(r.Accepted));
        var instance = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, Ct);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        Assert.Contains("\"State\"", instance.SerializedInput ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grant_beyond_what_is_left_in_the_pot_is_refused_and_holds_nothing()
    {
        fakes.Pots.Pot = RoundCatalog.ForYear("alta", 2027).Pot;
        await fakes.Pots.ReserveAsync("alta-2027", "ALT-2027-0900", 270_000, Ct);
        string id = await StartCaseAsync(Start("ALT-2027-0008"));
        await BringToAssessedAsync(id);

        await SendAsync(id, "too-much", new MakeDecision(DecisionMaker, DecisionOutcome.Granted, 45_000, []));

        var progress = await WaitForAsync(id, p => p.Recent.Any(r => r.CommandId == "too-much"));
        var outcome = progress.Recent.Single(r => r.CommandId == "too-much");
        Assert.False(outcome.Accepted);
        Assert.Equal("pot-exceeded", outcome.Code);
        Assert.Equal(270_000, fakes.Pots.GrantedIn("alta-2027"));
    }

    [Fact]
    public async Task A_grant_within_the_pot_is_decided_and_reserved_and_the_letters_go_out()
    {
        fakes.Pots.Pot = RoundCatalog.ForYear("alta", 2027).Pot;
        string id = await StartCaseAsync(Start("ALT-2027-0009"));
        await BringToAssessedAsync(id);

        await SendAsync(id, "grant", new MakeDecision(DecisionMaker, DecisionOutcome.Granted, 45_000, []));

        // The status is published as soon as the case has decided; the letters follow as its next activities.
        var progress = await WaitForAsync(id, p => p.Summary?.Status == CaseStatus.AwaitingAcceptance, TimeSpan.FromSeconds(30));
        Assert.Equal(45_000, progress.Summary!.Granted);
        Assert.Equal(45_000, fakes.Pots.GrantedIn("alta-2027"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        bool LettersOut() =>
            fakes.Letters.Any(l => l.Reference == id) &&
            fakes.Mail.Sent.Any(m => m.MailId.StartsWith(id + "/", StringComparison.Ordinal) && m.MailId.EndsWith("/vedtak-innvilget", StringComparison.Ordinal)) &&
            fakes.Mail.Sent.Any(m => m.MailId.StartsWith(id + "/", StringComparison.Ordinal) && m.MailId.EndsWith("/tilskuddsbrev", StringComparison.Ordinal));
        while (!LettersOut() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }

        Assert.True(LettersOut(), $"Letters: {fakes.Letters.Count}, mails: {string.Join(", ", fakes.Mail.Sent.Select(m => m.MailId))}");
    }

    [Fact]
    public async Task Every_state_change_is_an_event_with_who_and_when_and_the_events_rebuild_the_case()
    {
        string id = await StartCaseAsync(Start("ALT-2027-0010"));
        await BringToAssessedAsync(id);

        var events = await fakes.Views.EventsAsync(id, Ct);
        var view = await fakes.Views.FindAsync("alta-2027", id, Ct);

        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Version));
        Assert.Contains(events, e => e.Event is CaseSubmitted);
        Assert.Contains(events, e => e.Event.By == Caseworker);
        Assert.Equal(CaseSummary.Of(view!.Value.State), CaseSummary.Of(CaseDecider.Replay(events.Select(e => e.Event))));
    }

    /// <summary>Eligible, after the deadline (the clock moved past 15 April 2027), reviewed and assessed.</summary>
    async Task BringToAssessedAsync(string id)
    {
        var round = RoundCatalog.ForYear("alta", 2027);
        await SetClockAsync(id, new DateTimeOffset(2027, 4, 20, 10, 0, 0, TimeSpan.FromHours(2)));
        await SendAsync(id, "review", new StartReview(Caseworker));
        var scores = round.Criteria.Select(c => new CriterionScore(c.Code, 4, "God")).ToList();
        await SendAsync(id, "assess", new Assess(Caseworker, scores, [], 45_000, "Godt prosjekt."));
        var progress = await WaitForAsync(id, p => p.Recent.Any(r => r.CommandId == "assess"));
        Assert.True(progress.Recent.Single(r => r.CommandId == "assess").Accepted, string.Join("; ", progress.Recent.Select(r => $"{r.CommandId}: {r.Message}")));
    }
    [Fact]
    public async Task Alta_2027_whole_life_of_a_grant_in_two_tranches_on_the_engine()
    {
        var organisation = new Actor(ActorRole.Organisation, "912345688");
        string id = await StartCaseAsync(Start("ALT-2027-0101"));
        var round = RoundCatalog.ForYear("alta", 2027);
        await StepAsync(id, Oslo(2027, 4, 16, 9), new StartReview(Caseworker));
        await StepAsync(id, Oslo(2027, 4, 16, 9), new RequestInformation(Caseworker, "Hvor mange deltakere?"));
        await StepAsync(id, Oslo(2027, 4, 19, 10), new SubmitInformation(organisation, "Rundt 40."));
        await StepAsync(id, Oslo(2027, 4, 19, 10), new Assess(Caseworker, [.. round.Criteria.Select(c => new CriterionScore(c.Code, 4, "Godt."))], [], 45_000, "Anbefales."));
        await StepAsync(id, Oslo(2027, 4, 19, 10), new MakeDecision(DecisionMaker, DecisionOutcome.Granted, 45_000, ["Godt tiltak."]));
        await StepAsync(id, Oslo(2027, 5, 4, 10), new AcceptTerms(organisation));
        await ClockAsync(id, Oslo(2028, 2, 3, 9), p => p.Summary?.PaidOut == 45_000 && MailsOf(id).Contains("purring"));
        await StepAsync(id, Oslo(2028, 2, 3, 10), new SubmitReport(organisation, 45_000, false, ReportFiles()));
        await StepAsync(id, Oslo(2028, 2, 3, 10), new ReviewReport(Caseworker, 45_000, "Godkjent."));

        var closed = await WaitForAsync(id, p => p.Summary?.Status == CaseStatus.Closed);
        Assert.Equal(45_000, closed.Summary!.PaidOut);
        Assert.Equal(
            ["kvittering", "mangelbrev", "vedtak-innvilget", "tilskuddsbrev", "paminnelse-aksept", "utbetalingsmelding", "utbetalingsmelding", "rapportpaminnelse", "rapportpaminnelse", "purring"],
            MailsOf(id));
        Assert.Equal([22_500, 22_500], fakes.Payouts.Where(p => p.Reference == id).OrderBy(p => p.Number).Select(p => p.Amount));
    }

    [Fact]
    public async Task Oslo_2027_whole_life_of_an_appealed_audited_grant_partly_claimed_back_on_the_engine()
    {
        fakes.Register["812345672"] = new RegisterFacts("812345672", "Grünerløkka Samtalegruppe", true, "0301", new DateOnly(2010, 1, 1), false, false, "FLI");
        var organisation = new Actor(ActorRole.Organisation, "812345672");
        var start = new CaseStart("OSL-2027-0101", "oslo-2027", "812345672", "Grünerløkka Samtalegruppe", 200_000, SubmittedAt, MailTo: ["ola@privat.example.org"], MailCopyTo: [], Delmål: ["B"]);
        string id = await StartCaseAsync(start);
        var round = RoundCatalog.ForYear("oslo", 2027);
        await StepAsync(id, Oslo(2026, 12, 1, 9), new StartReview(Caseworker));
        await StepAsync(id, Oslo(2026, 12, 1, 9), new Assess(Caseworker, [.. round.Criteria.Select(c => new CriterionScore(c.Code, 3, "Oppfylt."))], [], 150_000, "Delvis."));
        await StepAsync(id, Oslo(2026, 12, 1, 10), new MakeDecision(DecisionMaker, DecisionOutcome.PartlyGranted, 150_000, ["Servering dekkes ikke."]));
        await StepAsync(id, Oslo(2026, 12, 3, 10), new Appeal(organisation, "Serveringen er en del av tiltaket."));
        await StepAsync(id, Oslo(2026, 12, 3, 10), new RecommendOnAppeal(Caseworker, true, "Opprettholdes."));
        await StepAsync(id, Oslo(2026, 12, 3, 11), new ReconsiderAppeal(DecisionMaker, true, DecisionOutcome.PartlyGranted, 150_000, ["Opprettholdt."]));
        await StepAsync(id, Oslo(2026, 12, 4, 10), new AcceptTerms(organisation));
        await StepAsync(id, Oslo(2027, 1, 22, 10), new RegisterAppealBodyDecision(Caseworker, new DateOnly(2027, 1, 20), "KN 2027/3", true, DecisionOutcome.PartlyGranted, 150_000, []));
        await ClockAsync(id, Oslo(2028, 1, 26, 9), _ => MailsOf(id).Count(m => m == "rapportpaminnelse") == 2);
        var unaudited = await SendAndWaitAsync(id, Oslo(2028, 1, 26, 10), new SubmitReport(organisation, 140_000, false, ReportFiles()));
        Assert.Equal((false, "audit-required"), (unaudited.Accepted, unaudited.Code));
        await StepAsync(id, Oslo(2028, 1, 26, 10), new SubmitReport(organisation, 140_000, true, ReportFiles(audited: true)));
        await StepAsync(id, Oslo(2028, 1, 27, 10), new ReviewReport(Caseworker, 140_000, "Kr 10 000 ikke brukt."));
        await StepAsync(id, Oslo(2028, 2, 20, 10), new RegisterRepayment(Caseworker, 10_000));

        await WaitForAsync(id, p => p.Summary?.Status == CaseStatus.Closed);
        Assert.Equal(
            ["kvittering", "vedtak-delvis-innvilget", "tilskuddsbrev", "klage-mottatt", "klagevedtak", "utbetalingsmelding", "klageinstans-vedtak", "rapportpaminnelse", "rapportpaminnelse", "tilbakebetalingskrav"],
            MailsOf(id));
    }

    /// <summary>The report and the accounts every report sends, and the auditor's statement when it is audited.</summary>
    static IReadOnlyList<AttachedFile> ReportFiles(bool audited = false) =>
    [
        new(Domain.Applications.AttachmentKind.Report, "rapport.pdf"),
        new(Domain.Applications.AttachmentKind.Accounts, "regnskap.pdf"),
        .. audited ? [new AttachedFile(Domain.Applications.AttachmentKind.AuditorsStatement, "revisorberetning.pdf")] : Array.Empty<AttachedFile>(),
    ];

    static DateTimeOffset Oslo(int year, int month, int day, int hour) =>
        Domain.Time.OsloTime.At(new DateOnly(year, month, day), new TimeOnly(hour, 0));

    List<string> MailsOf(string id) =>
        [.. fakes.Mail.Sent.Where(m => m.MailId.StartsWith(id + "/", StringComparison.Ordinal)).Select(m => m.MailId[(m.MailId.LastIndexOf('/') + 1)..])];

    /// <summary>Moves the case's clock to <paramref name="at"/> and waits until what fell due by then has happened.</summary>
    async Task ClockAsync(string id, DateTimeOffset at, Func<CaseProgress, bool> done)
    {
        await SetClockAsync(id, at);
        await WaitForAsync(id, done);
    }

    async Task<CommandOutcome> SendAndWaitAsync(string id, DateTimeOffset at, CaseCommand command)
    {
        await SetClockAsync(id, at);
        string commandId = $"{command.GetType().Name}-{at:yyyyMMddHH}-{Guid.NewGuid():N}";
        await SendAsync(id, commandId, command);
        var progress = await WaitForAsync(id, p => p.Recent.Any(r => r.CommandId == commandId));
        return progress.Recent.Single(r => r.CommandId == commandId);
    }

    /// <summary>A command at a time on the case's clock, which must be accepted; every timer due before it has fired first.</summary>
    async Task StepAsync(string id, DateTimeOffset at, CaseCommand command)
    {
        var outcome = await SendAndWaitAsync(id, at, command);
        Assert.True(outcome.Accepted, $"{outcome.Command} at {at:O}: {outcome.Message}");
    }
}
