using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Tilskudd.Api.Http;
using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Cases;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Workflow.Cases;

namespace Tilskudd.Api.Cases;

/// <summary>
/// Command ids: "{reference}/{key}", where the key is the request's Idempotency-Key or a new GUID. The
/// key alone names the command in URLs (/api/applications/{reference}/commands/{key}).
/// </summary>
public static class CommandIds
{
    public const string KeyRule = "Idempotency-Key må ha mellom 1 og 200 tegn: bokstaver a–z, sifre, bindestrek, understrek, punktum eller kolon.";

    public static string Of(string reference, string key) => $"{reference}/{key}";

    public static string KeyOf(string reference, string commandId) =>
        commandId.StartsWith(reference + "/", StringComparison.Ordinal) ? commandId[(reference.Length + 1)..] : commandId;

    public static bool IsValidKey(string key) =>
        key is { Length: > 0 and <= 200 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}

/// <summary>The case as the orchestration last published it, and the outcome of one command if it is among the latest.</summary>
public sealed record FoundOutcome(CaseSummary? Summary, CommandOutcome? Outcome);

/// <summary>Reading command outcomes from the orchestration's custom status, and answering with them.</summary>
public static class CommandOutcomes
{
    /// <summary>Null when the case has no orchestration (yet).</summary>
    public static async Task<FoundOutcome?> FindAsync(DurableTaskClient engine, string reference, string commandId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var instance = await engine.GetInstanceAsync(reference, getInputsAndOutputs: true, cancellationToken);
        if (instance?.SerializedCustomStatus is null)
        {
            return instance is null ? null : new FoundOutcome(null, null);
        }

        var progress = instance.ReadCustomStatusAs<CaseProgress>();
        return new FoundOutcome(progress?.Summary, progress?.Recent.LastOrDefault(r => r.CommandId == commandId));
    }

    /// <summary>200 with the outcome when the case took the command; when it refused it, the status of the refusal's kind (<see cref="Problems.Refused"/>), as at the door.</summary>
    public static IResult Answer(string reference, CommandOutcome outcome, CaseSummary? summary, IReadOnlyList<StoredAttachment> files)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Accepted
            ? TypedResults.Ok(Body(reference, outcome, summary, files))
            : Problems.Refused(outcome.Kind ?? KindOfAnOutcomeWithoutOne, outcome.Code ?? "refused", outcome.Message ?? "Saken tok ikke imot kommandoen.", CommandIds.KeyOf(reference, outcome.CommandId));
    }

    /// <summary>
    /// An outcome a case published before refusals carried their kind (a release before issue 31, still running during
    /// a rolling deploy or stored in a case's status): the door had checked the command with the same rules, so a
    /// refusal by the case is a race with its state, as "not-allowed-now" and "pot-exceeded" are: a conflict.
    /// </summary>
    const DomainErrorKind KindOfAnOutcomeWithoutOne = DomainErrorKind.Conflict;

    /// <summary>202: raised, not yet decided by the case; the Location tells where the outcome will be.</summary>
    public static IResult Pending(string reference, string commandId, CaseCommand command, CaseSummary? summary, IReadOnlyList<StoredAttachment> files)
    {
        ArgumentNullException.ThrowIfNull(command);
        string key = CommandIds.KeyOf(reference, commandId);
        return TypedResults.Accepted(LinkTo(reference, key), new PendingCommand(
            key,
            command.GetType().Name,
            null,
            "Kommandoen er sendt til saken og behandles. Se lenken for utfallet.",
            CaseOf(summary),
            FilesOf(files),
            new CommandLinks(LinkTo(reference, key), $"/api/applications/{reference}")));
    }

    public static CommandAnswer Body(string reference, CommandOutcome outcome, CaseSummary? summary, IReadOnlyList<StoredAttachment> files)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string key = CommandIds.KeyOf(reference, outcome.CommandId);
        return new CommandAnswer(
            key, outcome.Command, outcome.Accepted, outcome.Code, outcome.Message, CaseOf(summary), FilesOf(files),
            new CommandLinks(LinkTo(reference, key), $"/api/applications/{reference}"));
    }

    public static string LinkTo(string reference, string key) => $"/api/applications/{reference}/commands/{Uri.EscapeDataString(key)}";

    static CaseAtCommand? CaseOf(CaseSummary? summary) => summary is null ? null : new(
        summary.Reference, summary.Status.ToString(), StatusNames.Of(summary.Status), summary.Version, summary.Granted, summary.PaidOut, summary.NextDueAt);

    static IReadOnlyList<CommandFile> FilesOf(IReadOnlyList<StoredAttachment> files) =>
        [.. files.Select(f => new CommandFile(f.Kind, f.FileName, f.ContentType, f.Length, f.Sha256))];
}

/// <summary>The answer to a command the case has decided: accepted, or refused with the rule's code and reason.</summary>
public sealed record CommandAnswer(
    string CommandId, string Command, bool Accepted, string? Code, string? Message, CaseAtCommand? Case, IReadOnlyList<CommandFile> Files, CommandLinks Links);

/// <summary>The answer to a command raised to the case and not yet decided (202): follow Links.Self for the outcome.</summary>
public sealed record PendingCommand(
    string CommandId, string Command, bool? Accepted, string Message, CaseAtCommand? Case, IReadOnlyList<CommandFile> Files, CommandLinks Links);

/// <summary>The case as the command left it.</summary>
public sealed record CaseAtCommand(string Reference, string Status, string StatusText, int Version, long Granted, long PaidOut, DateTimeOffset? NextDueAt);

/// <summary>A file the command brought (an information reply's or a report's).</summary>
public sealed record CommandFile(AttachmentKind Kind, string FileName, string ContentType, long Length, string Sha256);

/// <summary>Where the command's outcome and its application are.</summary>
public sealed record CommandLinks(string Self, string Application);
