using Tilskudd.Api.Security;
using Tilskudd.Domain.Applications;
using Tilskudd.Domain.People;

namespace Tilskudd.Api.Applications;

/// <summary>
/// The organisation's account number as a reader may see it: whole to caseworkers and decision makers, who check
/// it before a payout; masked (<see cref="AccountNumber.Masked"/>) to everyone else, since an application is read
/// by its reference number alone. The one place that decides it: sign-in changes who the reader is, not this rule.
/// </summary>
public static class AccountNumberShown
{
    public static string? To(Principal? reader, string? accountNumber) =>
        !AccountNumber.TryParse(accountNumber, out var number) ? null
        : reader is not null && CaseAccess.IsOfficer(reader) ? number.Formatted
        : number.Masked;
}
