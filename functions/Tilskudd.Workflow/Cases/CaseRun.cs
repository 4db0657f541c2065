using Microsoft.DurableTask;
using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Rounds;
using Tilskudd.Domain.Templates;
using Tilskudd.Workflow.Effects;
using Tilskudd.Workflow.Mail;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Workflow.Cases;

/// <summary>
/// The mechanics of one generation of <see cref="CaseOrchestrator"/>: the case's state, the clock, and
/// turning the decider's effects into activity calls. Deterministic like the orchestrator it serves.
/// </summary>
sealed class CaseRun(TaskOrchestrationContext context, CaseInput input)
{
    const int RecentKept = 20;

    /// <summary>Effects are retried for about a day before the case gives up on one.</summary>
    static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 10,
        firstRetryInterval: TimeSpan.FromSeconds(5),
        backoffCoefficient: 3,
        maxRetryInterval: TimeSpan.FromHours(4)));

    readonly Round round = RoundCatalog.ById(input.Start.RoundId)
        ?? throw new InvalidOperationException($"Case {input.Start.Reference} names round {input.Start.RoundId}, which does not exist.");

    readonly List<CommandOutcome> recent = [.. input.Recent ?? []];
    TimeSpan clockOffset = input.ClockOffset;
    bool confirmationSent = input.State is { Status: not CaseStatus.New };

    public CaseState State { get; private set; } = input.State ?? CaseState.Initial;

    public CaseSummary? Summary => State.Status == CaseStatus.New ? null : CaseSummary.Of(State);

    /// <summary>The case's "now": the orchestration's replay-safe time plus the development clock's lead.</summary>
    DateTimeOffset Now => new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero) + clockOffset;

    DateTimeOffset? DueAt => CaseDecider.NextDueAt(State);

    public bool IsDue => DueAt is { } due && due <= Now;

    /// <summary>Nothing more can happen: no command is taken in this status and no timer runs.</summary>
    public bool IsFinished =>
        State.Status != CaseStatus.New && DueAt is null && CaseTransitions.All.All(t => t.From != State.Status);

    public CaseMessage ClockTick() => new($"{State.Reference}/tick/{State.Version}", new Tick());

    public CaseInput ToInput() => new(input.Start, State, recent, clockOffset);

    public void Publish() => context.SetCustomStatus(new CaseProgress(Summary, confirmationSent, recent));

    /// <summary>Waits for the next message, or until the next thing falls due (then null).</summary>
    public async Task<CaseMessage?> NextMessageOrDueAsync()
    {
        using var stopWaiting = new CancellationTokenSource();
        var message = context.WaitForExternalEvent<CaseMessage>(CaseMessage.EventName, stopWaiting.Token);
        if (DueAt is not { } due)
        {
            return await message;
        }

        using var stopTimer = new CancellationTokenSource();
        var timer = context.CreateTimer((due - clockOffset).UtcDateTime, stopTimer.Token);
        if (await Task.WhenAny(message, timer) == message)
        {
            stopTimer.Cancel();
            return await message;
        }

        stopWaiting.Cancel();
        return null;
    }

    /// <summary>Asks the registers about the organisation and lets the decider judge its eligibility.</summary>
    public async Task CheckEligibilityAsync()
    {
        var facts = await context.CallActivityAsync<RegisterFacts?>(nameof(LookUpOrganisation), State.OrganisationNumber, Retry);
        await HandleAsync(new CaseMessage($"{State.Reference}/eligibility", RegisterFacts.ToCommand(facts, round)));
    }

    public async Task HandleAsync(CaseMessage message)
    {
        // The development clock only moves forward, also when a restarted host's clock is behind the case's.
        if (message.ClockOffset is { } offset && offset > clockOffset)
        {
            clockOffset = offset;

            // A command that brings the clock forward comes after whatever fell due by then, as on a clock never behind.
            while (message.Command is not null && IsDue)
            {
                await HandleAsync(ClockTick());
            }
        }

        if (message.Command is not { } command || recent.Any(r => r.CommandId == message.Id))
        {
            return;
        }

        var result = await DecideAsync(command);
        var events = new List<NumberedEvent>(result.Events.Count);
        foreach (var e in result.IsAccepted ? result.Events : [])
        {
            State = CaseDecider.Evolve(State, e);
            events.Add(new NumberedEvent(State.Version, e));
        }

        // The outcome is published before any effect runs: it is saved with the checkpoint that schedules the first
        // activity (the case view), so a client that retries after seeing the new state finds its outcome, not a refusal.
        if (command is not Tick)
        {
            Remember(new CommandOutcome(message.Id, command.GetType().Name, result.IsAccepted, result.Error?.Code, result.Error?.Message, result.Error?.Kind));
        }

        Publish();
        var effects = result.IsAccepted ? result.Effects : [];
        for (int i = 0; i < effects.Count; i++)
        {
            var mails = effects[i] is Domain.Cases.UpdateCaseView
                ? effects.Skip(i + 1).TakeWhile(e => e is Domain.Cases.SendMail).Cast<Domain.Cases.SendMail>().ToList()
                : [];
            if (mails.Count > 0)
            {
                await UpdateViewAndMailAsync((Domain.Cases.UpdateCaseView)effects[i], mails, events);
                i += mails.Count;
            }
            else
            {
                await CarryOutAsync(effects[i], events);
            }
        }

        Publish();
    }

    /// <summary>
    /// Decides a command. A grant first takes its amount on the pot ledger, which is the one place that
    /// knows what every case of the round holds: the decider is then told what is left with this case's
    /// tentative reservation counted as its own, and if it refuses, the reservation is put back.
    /// </summary>
    async Task<CaseResult> DecideAsync(CaseCommand command)
    {
        if (round.Pot is null || GrantAskedBy(command) is not { } amount)
        {
            return CaseDecider.Decide(State, command, CaseContext.For(round), Now);
        }

        long before = State.Reserved;
        var position = await context.CallActivityAsync<PotPosition>(nameof(Effects.ReserveGrant), new PotRequest(round.Id, State.Reference, amount), Retry);
        long? remaining = position.Reserved ? position.Left + amount - before : position.Left;
        var result = CaseDecider.Decide(State, command, new CaseContext(round, remaining), Now);
        if (position.Reserved && !result.IsAccepted)
        {
            await RestoreReservationAsync(before);
        }

        return result;
    }

    Task<PotPosition> RestoreReservationAsync(long before) => before > 0
        ? context.CallActivityAsync<PotPosition>(nameof(Effects.ReserveGrant), new PotRequest(round.Id, State.Reference, before), Retry)
        : context.CallActivityAsync<PotPosition>(nameof(Effects.ReleaseGrant), new PotRequest(round.Id, State.Reference, 0), Retry);

    static long? GrantAskedBy(CaseCommand command) => command switch
    {
        MakeDecision { Outcome: not DecisionOutcome.Rejected } d => d.Amount,
        ReconsiderAppeal { Upheld: false, NewOutcome: not DecisionOutcome.Rejected } r => r.NewAmount,
        RegisterAppealBodyDecision { Upheld: false, NewOutcome: not DecisionOutcome.Rejected } r => r.NewAmount,
        _ => null,
    };

    async Task CarryOutAsync(CaseEffect effect, IReadOnlyList<NumberedEvent> events)
    {
        try
        {
            await (effect switch
            {
                Domain.Cases.SendMail m => SendAsync(m),
                Domain.Cases.RenderLetter l => context.CallActivityAsync<bool>(nameof(Effects.RenderLetter), l, Retry),
                Domain.Cases.RegisterTranche t => context.CallActivityAsync<bool>(nameof(Effects.RegisterTranche), t, Retry),
                Domain.Cases.ReserveGrant g => context.CallActivityAsync<PotPosition>(nameof(Effects.ReserveGrant), new PotRequest(g.RoundId, g.Reference, g.Amount), Retry),
                Domain.Cases.ReleaseGrant g => context.CallActivityAsync<PotPosition>(nameof(Effects.ReleaseGrant), new PotRequest(g.RoundId, g.Reference, 0), Retry),
                Domain.Cases.NotifyCaseworkers n => context.CallActivityAsync<bool>(nameof(Effects.NotifyCaseworkers), n, Retry),
                Domain.Cases.UpdateCaseView v => context.CallActivityAsync<bool>(nameof(Effects.UpdateCaseView), new CaseViewUpdate(v.Summary, State, events), Retry),
                _ => throw new InvalidOperationException($"No activity carries out {effect.GetType().Name}."),
            });
        }
        catch (TaskFailedException)
        {
            // Retries are spent (about a day). The case goes on rather than failing as a whole; the failed
            // effect stays in the engine's history for an operator to see and repeat.
        }
    }

    async Task SendAsync(Domain.Cases.SendMail mail)
    {
        await context.CallActivityAsync<MailReceipt>(nameof(Mail.SendMail), RequestFor(mail), Retry);
        confirmationSent |= mail.TemplateId == TemplateIds.Kvittering;
    }

    /// <summary>The turn's case row and the mails right after it, in one activity (see <see cref="UpdateCaseViewAndMail"/>).</summary>
    async Task UpdateViewAndMailAsync(Domain.Cases.UpdateCaseView view, IReadOnlyList<Domain.Cases.SendMail> mails, IReadOnlyList<NumberedEvent> events)
    {
        try
        {
            var update = new CaseViewAndMails(new CaseViewUpdate(view.Summary, State, events), [.. mails.Select(RequestFor)]);
            await context.CallActivityAsync<IReadOnlyList<MailReceipt>>(nameof(UpdateCaseViewAndMail), update, Retry);
            confirmationSent |= mails.Any(m => m.TemplateId == TemplateIds.Kvittering);
        }
        catch (TaskFailedException)
        {
            // As in CarryOutAsync: the case goes on, the failure stays in the engine's history.
        }
    }

    /// <summary>The receipt is addressed from the application (its contact and copies); every other mail to the case's contact.</summary>
    MailRequest RequestFor(Domain.Cases.SendMail mail) => mail.TemplateId == TemplateIds.Kvittering
        ? ConfirmationMail.For(input.Start)
        : new MailRequest(mail.EffectId, mail.TemplateId, mail.Model, [mail.To], []);

    void Remember(CommandOutcome outcome)
    {
        recent.Add(outcome);
        if (recent.Count > RecentKept)
        {
            recent.RemoveAt(0);
        }
    }
}
