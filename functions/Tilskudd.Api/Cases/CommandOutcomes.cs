using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Tilskudd.Api.Http;
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
            : Problems.Refused(outcome.Kind ?? DomainErrorKind.Invalid, outcome.Code ?? "refused", outcome.Message ?? "Saken tok ikke imot kommandoen.", CommandIds.KeyOf(reference, outcome.CommandId));
    }

    /// <summary>202: raised, not yet decided by the case; the Location tells where the outcome will be.</summary>
    public static IResult Pending(string reference, string commandId, CaseCommand command, CaseSummary? summary, IReadOnlyList<StoredAttachment> files)
    {
        ArgumentNullException.ThrowIfNull(command);
        string key = CommandIds.KeyOf(reference, commandId);
        return TypedResults.Accepted(LinkTo(reference, key), new
        {
            CommandId = key,
            Command = command.GetType().Name,
            Accepted = (bool?)null,
            Message = "Kommandoen er sendt til saken og behandles. Se lenken for utfallet.",
            Case = CaseOf(summary),
            Files = FilesOf(files),
            Links = new { Self = LinkTo(reference, key), Application = $"/api/applications/{reference}" },
        });
    }

    public static object Body(string reference, CommandOutcome outcome, CaseSummary? summary, IReadOnlyList<StoredAttachment> files)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        string key = CommandIds.KeyOf(reference, outcome.CommandId);
        return new
        {
            CommandId = key,
            outcome.Command,
            outcome.Accepted,
            outcome.Code,
            outcome.Message,
            Case = CaseOf(summary),
            Files = FilesOf(files),
            Links = new { Self = LinkTo(reference, key), Application = $"/api/applications/{reference}" },
        };
    }

    public static string LinkTo(string reference, string key) => $"/api/applications/{reference}/commands/{Uri.EscapeDataString(key)}";

    static object? CaseOf(CaseSummary? summary) => summary is null ? null : new
    {
        summary.Reference,
        Status = summary.Status.ToString(),
        StatusText = StatusNames.Of(summary.Status),
        summary.Version,
        summary.Granted,
        summary.PaidOut,
        summary.NextDueAt,
    };

    static IEnumerable<object> FilesOf(IReadOnlyList<StoredAttachment> files) =>
        files.Select(f => new { f.Kind, f.FileName, f.ContentType, f.Length, f.Sha256 });
}
