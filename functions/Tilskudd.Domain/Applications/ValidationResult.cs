namespace Tilskudd.Domain.Applications;

/// <summary>
/// What intake found in an application: errors that stop it, and warnings it may be sent with.
/// Keys are the form's JSON paths ("organisation.number", "budget[2].amount"), values Norwegian messages.
/// </summary>
public sealed record ValidationResult(IReadOnlyDictionary<string, string[]> Errors, IReadOnlyDictionary<string, string[]> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>One finding of one rule, at a field of the form.</summary>
public readonly record struct Violation(string Field, string Message);
