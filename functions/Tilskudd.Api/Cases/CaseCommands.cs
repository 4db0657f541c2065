using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Tilskudd.Api.Applications;
using Tilskudd.Api.Http;
using Tilskudd.Api.Security;
using Tilskudd.Domain.Cases;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Rounds;
using Tilskudd.Workflow.Cases;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Api.Cases;

/// <summary>
/// What a route makes of its request: the command, or why the request cannot be read; the files to store once it is
/// checked; and the command as it is raised once they are stored (<paramref name="WithStoredFiles"/>: naming the stored
/// files, so the case's event links to them). The door checks <paramref name="Command"/>; the case decides the one raised.
/// </summary>
public sealed record Drafted(
    CaseCommand? Command,
    IResult? Problem,
    Func<string, CancellationToken, Task<IReadOnlyList<StoredAttachment>>>? StoreFiles = null,
    Func<IReadOnlyList<StoredAttachment>, CaseCommand>? WithStoredFiles = null)
{
    public static implicit operator Drafted(CaseCommand command) => new(command, null);

    public static Drafted Invalid(string detail) => new(null, Problems.BadRequest("Forespørselen mangler noe", detail, "invalid-command"));
}

/// <summary>Reads a command's request, knowing who sends it and the case's last known state.</summary>
public delegate ValueTask<Drafted> DraftCommand(HttpRequest request, Actor by, CaseState state, CancellationToken cancellationToken);

/// <summary>
/// The way of every command from HTTP to the case ("Commands and answers" in ARCHITECTURE.md): who sends
/// it, the case's last known state from its view, the decider's verdict at once (refused: problem+json,
/// nothing raised), then the command raised to the orchestration, whose own verdict is awaited a short
/// while. Every command is idempotent by Idempotency-Key: the command id is "{reference}/{key}", the
/// orchestration takes an id once, and a repeated key is answered from the first one's outcome.
/// </summary>
public sealed class CaseCommands(ICaseViews views, PotLedger pots, CaseFiles caseFiles, TimeProvider time)
{
    /// <summary>How long a command waits for the orchestration's verdict before answering 202.</summary>
    static readonly TimeSpan OutcomeWait = TimeSpan.FromSeconds(5);

    static readonly TimeSpan OutcomePoll = TimeSpan.FromMilliseconds(100);

    public async Task<IResult> SendAsync(Admitted caller, HttpRequest request, DurableTaskClient engine, DraftCommand draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(draft);
        if (caller is not { Application: { } application, Round: { } round, Actor: { } by })
        {
            throw new InvalidOperationException("A case command's route is admitted on an application, with an actor.");
        }

        string? key = request.Headers[ApplicationsApi.IdempotencyHeader].FirstOrDefault();
        if (key is not null && !CommandIds.IsValidKey(key))
        {
            return Problems.BadRequest("Ugyldig Idempotency-Key", CommandIds.KeyRule, "invalid-idempotency-key");
        }

        string reference = application.Reference;
        string commandId = CommandIds.Of(reference, key ?? Guid.NewGuid().ToString("N"));
        if (key is not null && await CommandOutcomes.FindAsync(engine, reference, commandId, cancellationToken) is { Outcome: { } earlier } known)
        {
            return CommandOutcomes.Answer(reference, earlier, known.Summary, []);
        }

        if (await views.FindAsync(round.Id, reference, cancellationToken) is not { } view)
        {
            return Problems.Conflict("Saken er ikke klar ennå", "Søknaden er mottatt, men saken er ikke opprettet ennå. Prøv igjen om litt.", "case-not-ready");
        }

        var drafted = await draft(request, by, view.State, cancellationToken);
        if (drafted.Problem is { } unreadable || drafted.Command is not { } command)
        {
            return drafted.Problem ?? Drafted.Invalid("Forespørselen kunne ikke leses.").Problem!;
        }

        // The pot ledger's Left counts every reservation, this case's own included; the decider adds that back.
        long? potLeft = round.Pot is null ? null : (await pots.BalanceAsync(round, cancellationToken)).Left;
        var verdict = CaseDecider.Decide(view.State, command, new CaseContext(round, potLeft), time.GetUtcNow());
        if (verdict.Error is { } error && !(error.Kind == DomainErrorKind.Conflict && await CaseIsAheadOfViewAsync(engine, reference, view.State.Version, cancellationToken)))
        {
            return Problems.Refused(error.Kind, error.Code, error.Message, commandId: null);
        }

        // Refused where the case stood by its view, while the case itself has moved on (a timer fired; the view update is
        // its next activity): the case decides, as it does every command anyway.

        var files = drafted.StoreFiles is null ? [] : await drafted.StoreFiles(commandId, cancellationToken);
        var raised = drafted.WithStoredFiles is { } withStoredFiles ? withStoredFiles(files) : command;
        await engine.RaiseEventAsync(reference, CaseMessage.EventName, new CaseMessage(commandId, raised, CaseMessage.LeadOf(time)), cancellationToken);
        var found = await WaitForOutcomeAsync(engine, reference, commandId, cancellationToken);
        if (found is { Outcome.Accepted: true, Summary: { } decided })
        {
            await WaitForViewAsync(round.Id, reference, decided.Version, cancellationToken);
        }
        else if (found is { Outcome.Accepted: false } && files.Count > 0)
        {
            // The door's row was behind and the case refused: the files are this command's alone, and nothing names them.
            await caseFiles.DeleteAsync(files, cancellationToken);
        }

        return found is { Outcome: { } outcome }
            ? CommandOutcomes.Answer(reference, outcome, found.Summary, files)
            : CommandOutcomes.Pending(reference, commandId, command, found?.Summary, files);
    }

    static async Task<bool> CaseIsAheadOfViewAsync(DurableTaskClient engine, string reference, int viewVersion, CancellationToken cancellationToken)
    {
        var instance = await engine.GetInstanceAsync(reference, getInputsAndOutputs: true, cancellationToken);
        return instance?.SerializedCustomStatus is not null && instance.ReadCustomStatusAs<CaseProgress>()?.Summary?.Version > viewVersion;
    }

    /// <summary>
    /// The case publishes a command's outcome before it refreshes its view (so a retry finds the outcome); the answer
    /// waits, briefly, for the view too, so the sender's next command is checked against the state this one led to.
    /// </summary>
    async Task WaitForViewAsync(string roundId, string reference, int version, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + OutcomeWait;
        while ((await views.FindAsync(roundId, reference, cancellationToken))?.State.Version < version && time.GetUtcNow() < deadline)
        {
            await Task.Delay(OutcomePoll, time, cancellationToken);
        }
    }

    async Task<FoundOutcome?> WaitForOutcomeAsync(DurableTaskClient engine, string reference, string commandId, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + OutcomeWait;
        while (true)
        {
            var found = await CommandOutcomes.FindAsync(engine, reference, commandId, cancellationToken);
            if (found?.Outcome is not null || time.GetUtcNow() >= deadline)
            {
                return found;
            }

            await Task.Delay(OutcomePoll, time, cancellationToken);
        }
    }
}
