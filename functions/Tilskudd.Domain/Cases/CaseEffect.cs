using System.Text.Json.Serialization;

namespace Tilskudd.Domain.Cases;

/// <summary>
/// Something the world must do because of a decision, as data for an activity. <see cref="EffectId"/>
/// is deterministic ("{reference}/{event sequence}/{kind}") so an activity run twice acts once.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(SendMail), nameof(SendMail))]
[JsonDerivedType(typeof(RenderLetter), nameof(RenderLetter))]
[JsonDerivedType(typeof(RegisterTranche), nameof(RegisterTranche))]
[JsonDerivedType(typeof(ReserveGrant), nameof(ReserveGrant))]
[JsonDerivedType(typeof(ReleaseGrant), nameof(ReleaseGrant))]
[JsonDerivedType(typeof(NotifyCaseworkers), nameof(NotifyCaseworkers))]
[JsonDerivedType(typeof(UpdateCaseView), nameof(UpdateCaseView))]
public abstract record CaseEffect
{
    private protected CaseEffect(string effectId) => EffectId = effectId;

    public string EffectId { get; }
}

/// <summary>Render <paramref name="TemplateId"/> with <paramref name="Model"/> (see Templates.TemplateRenderer) and mail it.</summary>
public sealed record SendMail(string EffectId, string TemplateId, string To, IReadOnlyDictionary<string, string> Model) : CaseEffect(EffectId);

/// <summary>Render the same template as a letter (PDF) for the case's archive.</summary>
public sealed record RenderLetter(string EffectId, string TemplateId, IReadOnlyDictionary<string, string> Model) : CaseEffect(EffectId);

/// <summary>Register a payout with the finance system, to be paid on <paramref name="DueOn"/>.</summary>
public sealed record RegisterTranche(string EffectId, string RoundId, string Reference, int Number, long Amount, DateOnly DueOn) : CaseEffect(EffectId);

/// <summary>Set this case's reservation on the round's pot ledger to <paramref name="Amount"/> (idempotent by reference).</summary>
public sealed record ReserveGrant(string EffectId, string RoundId, string Reference, long Amount) : CaseEffect(EffectId);

/// <summary>Give this case's reservation back to the round's pot.</summary>
public sealed record ReleaseGrant(string EffectId, string RoundId, string Reference, long Amount) : CaseEffect(EffectId);

public sealed record NotifyCaseworkers(string EffectId, string Reference, ReminderReason? Reason, string Message) : CaseEffect(EffectId);

/// <summary>Refresh the case's row in the listings (read model).</summary>
public sealed record UpdateCaseView(string EffectId, CaseSummary Summary) : CaseEffect(EffectId);
