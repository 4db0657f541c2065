namespace Tilskudd.Infrastructure.Payouts;

/// <summary>Where a tranche stands with the kommune's finance system.</summary>
public enum PayoutStatus
{
    /// <summary>Accepted terms made it due on its date; not yet in a payment file.</summary>
    Registered,

    /// <summary>In a payment file; the finance system has it.</summary>
    Ordered,

    /// <summary>The finance system confirmed the payment.</summary>
    Paid,

    /// <summary>Withdrawn before it was in a payment file: a grant changed on appeal no longer has this tranche.</summary>
    Cancelled,

    /// <summary>The finance system refused it (an account closed, say): a caseworker must look at it; it is never put in a file again by itself.</summary>
    Rejected,
}

/// <summary>One tranche as a credit transfer: from the kommune's account to the organisation's.</summary>
/// <param name="EndToEndId">"{reference}-{tranche}": the finance system's confirmation names the tranche by it.</param>
/// <param name="RemittanceText">What the organisation sees on its statement: the reference number and the tranche.</param>
public sealed record PaymentOrder(
    string RoundId,
    string Reference,
    int Tranche,
    long Amount,
    DateOnly DueOn,
    string EndToEndId,
    string CreditorName,
    string CreditorOrganisationNumber,
    string CreditorAccount,
    PayoutStatus Status)
{
    public string RemittanceText => $"Tilskudd {Reference} termin {Tranche}";
}

/// <summary>The kommune paying a round's grants.</summary>
public sealed record Debtor(string Name, string Account);

/// <summary>A day's payment file: its id, the day it pays and its orders, per paying kommune.</summary>
public sealed record PaymentFile(string FileId, DateOnly Day, DateTimeOffset CreatedAt, IReadOnlyList<PaymentOrder> Orders)
{
    public long Total => Orders.Sum(o => o.Amount);
}
