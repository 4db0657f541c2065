using System.Globalization;
using Tilskudd.Workflow.Cases;

namespace Tilskudd.Workflow.Mail;

/// <summary>The receipt (kvittering) every applicant gets with the reference number.</summary>
public static class ConfirmationMail
{
    public const string Template = "kvittering";

    public static MailRequest For(CaseStart start) => new(
        MailId: $"{start.Reference}/{Template}",
        Template: Template,
        Model: new Dictionary<string, string>
        {
            ["reference"] = start.Reference,
            ["roundId"] = start.RoundId,
            ["organisationName"] = start.OrganisationName,
            ["organisationNumber"] = start.OrganisationNumber,
            ["amountAppliedFor"] = start.AmountAppliedFor.ToString(CultureInfo.InvariantCulture),
            ["submittedAt"] = start.SubmittedAt.ToString("O", CultureInfo.InvariantCulture),
        },
        To: start.MailTo,
        Cc: start.MailCopyTo);
}
