using Tilskudd.Domain.Rounds;
using Tilskudd.Domain.Templates;
using Tilskudd.Workflow.Cases;

namespace Tilskudd.Workflow.Mail;

/// <summary>The receipt (kvittering) every applicant gets with the reference number.</summary>
public static class ConfirmationMail
{
    /// <summary>The receipt for a new case; pure, so the orchestrator may call it.</summary>
    public static MailRequest For(CaseStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var round = RoundCatalog.ById(start.RoundId) ?? throw new ArgumentException($"Unknown round '{start.RoundId}'.", nameof(start));
        return new MailRequest(
            MailId: $"{start.Reference}/{TemplateIds.Kvittering}",
            Template: TemplateIds.Kvittering,
            Model: MailModels.Kvittering(start.Reference, start.OrganisationName, round, start.AmountAppliedFor, start.SubmittedAt),
            To: start.MailTo,
            Cc: start.MailCopyTo);
    }
}
