using Microsoft.DurableTask;
using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Templates;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Workflow.Effects;

/// <summary>Renders a letter (vedtak, tilskuddsbrev, tilbakebetalingskrav) and keeps it in the case's archive.</summary>
public sealed class RenderLetter(ILetterArchive archive) : TaskActivity<Domain.Cases.RenderLetter, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, Domain.Cases.RenderLetter input) => RenderAsync(input, CancellationToken.None);

    public async Task<bool> RenderAsync(Domain.Cases.RenderLetter input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var letter = TemplateRenderer.Render(input.TemplateId, input.Model);
        string reference = input.EffectId.Split('/')[0];
        _ = await archive.StoreAsync(new ArchivedLetter(reference, input.EffectId, input.TemplateId, letter.Subject, letter.TextBody), cancellationToken);
        return true;
    }
}

/// <summary>Registers a due tranche as a payment for the finance system.</summary>
public sealed class RegisterTranche(IPayoutRegister payouts) : TaskActivity<Domain.Cases.RegisterTranche, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, Domain.Cases.RegisterTranche input) => RegisterAsync(input, CancellationToken.None);

    public async Task<bool> RegisterAsync(Domain.Cases.RegisterTranche input, CancellationToken cancellationToken)
    {
        await payouts.RegisterAsync(input, cancellationToken);
        return true;
    }
}

/// <summary>Puts what a case needs of its caseworkers on their work list.</summary>
public sealed class NotifyCaseworkers(ICaseworkerInbox inbox) : TaskActivity<Domain.Cases.NotifyCaseworkers, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, Domain.Cases.NotifyCaseworkers input) => NotifyAsync(input, CancellationToken.None);

    public async Task<bool> NotifyAsync(Domain.Cases.NotifyCaseworkers input, CancellationToken cancellationToken)
    {
        await inbox.NotifyAsync(input, cancellationToken);
        return true;
    }
}

/// <summary>The case's state and summary as of a turn, and the events of that turn, for listings, command checks and the audit trail.</summary>
public sealed record CaseViewUpdate(CaseSummary Summary, CaseState State, IReadOnlyList<NumberedEvent> Events);

/// <summary>Refreshes the case's row in the listings (the read model).</summary>
public sealed class UpdateCaseView(ICaseViews views) : TaskActivity<CaseViewUpdate, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, CaseViewUpdate input) => UpdateAsync(input, CancellationToken.None);

    public async Task<bool> UpdateAsync(CaseViewUpdate input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await views.SaveAsync(input.Summary, input.State, input.Events, cancellationToken);
        return true;
    }
}
