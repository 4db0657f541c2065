namespace Tilskudd.Domain.Cases;

/// <summary>Why a command was refused: a stable code for programs and a Norwegian sentence for people.</summary>
public sealed record DomainError(string Code, string Message);

/// <summary>What <see cref="CaseDecider.Decide"/> answers: the events and effects of an accepted command, or why it was refused.</summary>
public sealed record CaseResult(IReadOnlyList<CaseEvent> Events, IReadOnlyList<CaseEffect> Effects, DomainError? Error)
{
    public bool IsAccepted => Error is null;

    public static CaseResult Accepted(IReadOnlyList<CaseEvent> events, IReadOnlyList<CaseEffect> effects) => new(events, effects, null);

    public static CaseResult Refused(DomainError error) => new([], [], error);
}
