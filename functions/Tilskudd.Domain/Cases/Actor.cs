namespace Tilskudd.Domain.Cases;

/// <summary>Who did something to a case: a role and an id (a user id, an organisation number, or "klokke" for the clock).</summary>
public sealed record Actor(ActorRole Role, string Id)
{
    /// <summary>The timer: reminders, deadlines and payouts happen by the clock.</summary>
    public static Actor Clock { get; } = new(ActorRole.System, "klokke");

    /// <summary>The system itself acting on register facts or intake.</summary>
    public static Actor System(string id) => new(ActorRole.System, id);
}

public enum ActorRole
{
    /// <summary>The applying organisation (søker), acting by its contact person.</summary>
    Organisation,

    /// <summary>Saksbehandler: reviews, asks for information, assesses, recommends, reconsiders appeals.</summary>
    Caseworker,

    /// <summary>Beslutter: makes the decision (in Oslo the byråd on Velferdsetaten's recommendation).</summary>
    DecisionMaker,

    /// <summary>Intake, register look-ups and the clock.</summary>
    System,
}
