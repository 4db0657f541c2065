using Microsoft.DurableTask;
using Tilskudd.Domain.Cases;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Workflow.Effects;

/// <summary>Looks the applicant up in the registers; the case hands the facts to the decider as its eligibility check.</summary>
public sealed class LookUpOrganisation(IOrganisationRegister register) : TaskActivity<string, RegisterFacts?>
{
    public override Task<RegisterFacts?> RunAsync(TaskActivityContext context, string input) => LookUpAsync(input, CancellationToken.None);

    public Task<RegisterFacts?> LookUpAsync(string organisationNumber, CancellationToken cancellationToken) =>
        register.FindAsync(organisationNumber, cancellationToken);
}
