using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Cases;

/// <summary>
/// The events and effects one <see cref="CaseDecider.Decide"/> call is building, with the state they give so far.
/// Lives only inside one call, so the decider stays pure.
/// </summary>
sealed class Change(CaseState state, CaseContext context, DateTimeOffset now)
{
    readonly List<CaseEvent> events = [];
    readonly List<CaseEffect> effects = [];

    public CaseState State { get; private set; } = state;

    public int StartVersion { get; } = state.Version;

    public CaseContext Context { get; } = context;

    public DateTimeOffset Now { get; } = now;

    public Round Round => Context.Round;

    public void Add(CaseEvent e)
    {
        events.Add(e);
        State = CaseDecider.Evolve(State, e);
    }

    /// <summary>"{reference}/{sequence of the last event}/{kind}": the same decision always gives the same id.</summary>
    public string Id(string kind) => $"{State.Reference}/{State.Version}/{kind}";

    public void Effect(CaseEffect effect) => effects.Add(effect);

    public void Mail(string templateId, params (string Key, string Value)[] extra) =>
        effects.Add(new SendMail(Id(templateId), templateId, State.ContactEmail, CaseMails.Model(State, Round, extra)));

    public void Letter(string templateId, params (string Key, string Value)[] extra) =>
        effects.Add(new RenderLetter(Id("brev-" + templateId), templateId, CaseMails.Model(State, Round, extra)));

    public void Notify(ReminderReason? reason, string message) =>
        effects.Add(new NotifyCaseworkers(Id("saksbehandlere"), State.Reference, reason, message));

    public void Release(long reserved)
    {
        if (reserved > 0)
        {
            effects.Add(new ReleaseGrant(Id("release"), State.RoundId, State.Reference, reserved));
        }
    }

    /// <summary>
    /// Every accepted command refreshes the case's row first: the door checks the next command against it, so it
    /// must be current before a mail tells a person what they can do next.
    /// </summary>
    public CaseResult Result()
    {
        effects.Insert(0, new UpdateCaseView(Id("view"), CaseSummary.Of(State)));
        return CaseResult.Accepted([.. events], [.. effects]);
    }
}
