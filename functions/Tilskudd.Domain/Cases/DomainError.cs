namespace Tilskudd.Domain.Cases;

/// <summary>What kind of refusal a rule makes: the edge answers each kind with one status (<c>Tilskudd.Api.Http.Problems</c>).</summary>
public enum DomainErrorKind
{
    /// <summary>What was sent is wrong (texts, scores, amounts, dates): the same request never succeeds.</summary>
    Invalid,

    /// <summary>The sender's role may not do this to the case: another person might.</summary>
    Forbidden,

    /// <summary>Where the case stands (its status, its deadlines, what the round has left): the same request may succeed at another time.</summary>
    Conflict,

    /// <summary>What the command names does not exist.</summary>
    NotFound,
}

/// <summary>Why a command was refused: a stable code for programs, a Norwegian sentence for people, and its kind, set by the rule that makes it.</summary>
public sealed record DomainError(string Code, string Message, DomainErrorKind Kind)
{
    public static DomainError Invalid(string code, string message) => new(code, message, DomainErrorKind.Invalid);

    public static DomainError Forbidden(string code, string message) => new(code, message, DomainErrorKind.Forbidden);

    public static DomainError Conflict(string code, string message) => new(code, message, DomainErrorKind.Conflict);
}

/// <summary>What <see cref="CaseDecider.Decide"/> answers: the events and effects of an accepted command, or why it was refused.</summary>
public sealed record CaseResult(IReadOnlyList<CaseEvent> Events, IReadOnlyList<CaseEffect> Effects, DomainError? Error)
{
    public bool IsAccepted => Error is null;

    public static CaseResult Accepted(IReadOnlyList<CaseEvent> events, IReadOnlyList<CaseEffect> effects) => new(events, effects, null);

    public static CaseResult Refused(DomainError error) => new([], [], error);
}
