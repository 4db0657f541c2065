using Microsoft.DurableTask;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Workflow.Effects;

/// <param name="Amount">The case's whole reservation after the change (not a difference).</param>
public sealed record PotRequest(string RoundId, string Reference, long Amount);

/// <summary>Sets a case's reservation on its round's pot, if the pot allows it.</summary>
public sealed class ReserveGrant(IPotLedger ledger) : TaskActivity<PotRequest, PotPosition>
{
    public override Task<PotPosition> RunAsync(TaskActivityContext context, PotRequest input) => ReserveAsync(input, CancellationToken.None);

    public Task<PotPosition> ReserveAsync(PotRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ledger.ReserveAsync(input.RoundId, input.Reference, input.Amount, cancellationToken);
    }
}

/// <summary>Gives a case's reservation back to its round's pot.</summary>
public sealed class ReleaseGrant(IPotLedger ledger) : TaskActivity<PotRequest, PotPosition>
{
    public override Task<PotPosition> RunAsync(TaskActivityContext context, PotRequest input) => ReleaseAsync(input, CancellationToken.None);

    public Task<PotPosition> ReleaseAsync(PotRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ledger.ReleaseAsync(input.RoundId, input.Reference, cancellationToken);
    }
}
