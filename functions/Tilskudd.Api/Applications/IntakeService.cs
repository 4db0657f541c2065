using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Rounds;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Attachments;
using Tilskudd.Workflow.Cases;

namespace Tilskudd.Api.Applications;

/// <summary>
/// Takes in a valid application: stores its files and form, and starts its case. Every step is
/// keyed by the reference number and safe to repeat, so a submit retried with the same
/// Idempotency-Key finishes what a crashed one began and never makes a second case.
/// </summary>
public sealed partial class IntakeService(
    ReferenceSequence sequence,
    IdempotencyStore idempotency,
    AttachmentStore attachments,
    ApplicationStore applications,
    TimeProvider time,
    ILogger<IntakeService> logger)
{
    /// <summary>How long a submit waits for a concurrent one with the same key before it takes over its work.</summary>
    static readonly TimeSpan ClaimPatience = TimeSpan.FromSeconds(30);

    public async Task<IntakeOutcome> TakeInAsync(
        Round round, SubmittedForm submitted, string? idempotencyKey, DurableTaskClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(submitted);
        if (idempotencyKey is null)
        {
            int number = await sequence.NextAsync(round.Id, cancellationToken);
            return await CompleteAsync(ReferenceNumber.For(round, number).ToString(), round, submitted, engine, replay: false, cancellationToken);
        }

        var earlier = await idempotency.FindAsync(round.Id, idempotencyKey, cancellationToken);
        if (earlier is null)
        {
            int number = await sequence.NextAsync(round.Id, cancellationToken);
            var mine = new IdempotentSubmit(ReferenceNumber.For(round, number).ToString(), submitted.RequestHash, time.GetUtcNow(), Completed: false);
            var claim = await idempotency.ClaimAsync(round.Id, idempotencyKey, mine, cancellationToken);
            if (claim == mine)
            {
                var outcome = await CompleteAsync(mine.Reference, round, submitted, engine, replay: false, cancellationToken);
                await idempotency.MarkCompletedAsync(round.Id, idempotencyKey, cancellationToken);
                return outcome;
            }

            earlier = claim;
        }

        return await FollowAsync(earlier, round, submitted, idempotencyKey, engine, cancellationToken);
    }

    /// <summary>
    /// A submit whose key was claimed first by another: the same application sent again. It waits
    /// for the first to finish; if the first never finishes (its process died), this one does its work.
    /// </summary>
    async Task<IntakeOutcome> FollowAsync(
        IdempotentSubmit earlier, Round round, SubmittedForm submitted, string idempotencyKey, DurableTaskClient engine, CancellationToken cancellationToken)
    {
        if (earlier.RequestHash != submitted.RequestHash)
        {
            return new IntakeOutcome.KeyReused(earlier.Reference);
        }

        while (!earlier.Completed && time.GetUtcNow() - earlier.ClaimedAt < ClaimPatience)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
            earlier = await idempotency.FindAsync(round.Id, idempotencyKey, cancellationToken) ?? earlier;
        }

        var outcome = await CompleteAsync(earlier.Reference, round, submitted, engine, replay: true, cancellationToken);
        if (!earlier.Completed)
        {
            await idempotency.MarkCompletedAsync(round.Id, idempotencyKey, cancellationToken);
        }

        return outcome;
    }

    async Task<IntakeOutcome> CompleteAsync(
        string reference, Round round, SubmittedForm submitted, DurableTaskClient engine, bool replay, CancellationToken cancellationToken)
    {
        var existing = replay ? await applications.FindAsync(reference, cancellationToken) : null;
        var application = existing ?? await StoreAsync(reference, round, submitted, cancellationToken);
        await StartCaseAsync(application, engine, mayExist: replay, cancellationToken);
        if (replay)
        {
            LogReplayed(logger, reference, round.Id);
        }
        else
        {
            LogReceived(logger, reference, round.Id, application.Attachments.Count);
        }

        return new IntakeOutcome.Accepted(application, replay);
    }

    async Task<StoredApplication> StoreAsync(string reference, Round round, SubmittedForm submitted, CancellationToken cancellationToken)
    {
        var stored = new List<StoredAttachment>(submitted.Files.Count);
        for (int i = 0; i < submitted.Files.Count; i++)
        {
            var file = submitted.Files[i];
            await using var content = file.Part.OpenReadStream();
            stored.Add(await attachments.SaveAsync(reference, i, file.Descriptor, file.Sha256, content, commandTag: null, cancellationToken));
        }

        var application = new StoredApplication(reference, round.Id, time.GetUtcNow(), submitted.Form!, stored, submitted.SubmittedBy);
        await applications.SaveAsync(application, cancellationToken);
        return application;
    }

    /// <summary>A new case starts on the same clock as the host that took it in (zero in production).</summary>
    TimeSpan ClockOffset => CaseMessage.LeadOf(time) ?? TimeSpan.Zero;

    /// <param name="mayExist">
    /// Only a replayed submit can find its case started: a fresh one has a reference number no one had
    /// before, so asking the engine first would cost a storage read for nothing (bench, issue 18).
    /// </param>
    async Task StartCaseAsync(StoredApplication application, DurableTaskClient engine, bool mayExist, CancellationToken cancellationToken)
    {
        if (mayExist && await engine.GetInstanceAsync(application.Reference, cancellationToken) is not null)
        {
            return;
        }

        var form = application.Form;
        var start = new CaseStart(
            application.Reference,
            application.RoundId,
            form.Organisation!.Number,
            form.Organisation.Name,
            form.AmountAppliedFor,
            application.SubmittedAt,
            MailTo: [form.Contact!.Email],
            MailCopyTo: form.ReceiptCopyTo(),
            form.Kind,
            form.Delmål,
            form.Project?.AtAsylumReception ?? false,
            form.Project?.ReceptionContact);
        // The engine's own de-duplication is not relied on: over the gRPC sidecar a second start
        // with the same id replaced the instance when tried here. Intake starts a case only after
        // checking that none exists, and the Idempotency-Key claim keeps two submits from racing.
        await engine.ScheduleNewOrchestrationInstanceAsync(nameof(CaseOrchestrator), new CaseInput(start, ClockOffset: ClockOffset), new StartOrchestrationOptions(application.Reference), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {Reference} received for round {RoundId} with {AttachmentCount} attachments")]
    static partial void LogReceived(ILogger logger, string reference, string roundId, int attachmentCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {Reference} submitted again for round {RoundId} with the same Idempotency-Key; answered with the first result")]
    static partial void LogReplayed(ILogger logger, string reference, string roundId);
}

public abstract record IntakeOutcome
{
    private protected IntakeOutcome()
    {
    }

    public sealed record Accepted(StoredApplication Application, bool Replayed) : IntakeOutcome;

    /// <summary>The Idempotency-Key was used before for a different application.</summary>
    public sealed record KeyReused(string EarlierReference) : IntakeOutcome;
}
