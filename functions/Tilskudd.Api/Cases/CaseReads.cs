using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Tilskudd.Api.Http;
using Tilskudd.Api.Rounds;
using Tilskudd.Api.Security;
using Tilskudd.Domain.Cases;
using Tilskudd.Domain.People;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Attachments;
using Tilskudd.Infrastructure.Cases;
using Tilskudd.Infrastructure.Rounds;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Api.Cases;

/// <summary>
/// What caseworkers and applicants read of cases without asking the engine: a round's cases by status
/// (from the case views), the round's pot, a case's audit trail, and a command's outcome.
/// </summary>
public static class CaseReads
{
    public const int MaxPageSize = 50;

    static readonly string[] ListedColumns = ["RowKey", "Status", "OrganisationNumber", "AmountAppliedFor", "Granted", "PaidOut", "NextDueAt", "Version"];

    /// <summary>A round's cases, one page at a time (at most 50), optionally of one status; caseworkers and decision makers only.</summary>
    public static async Task<IResult> ListCases(
        Admitted caller, HttpRequest request, StorageClients storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(storage);
        var round = caller.Round!;

        string? statusText = request.Query["status"].FirstOrDefault();
        CaseStatus? status = null;
        if (!string.IsNullOrEmpty(statusText))
        {
            if (!Enum.TryParse<CaseStatus>(statusText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || statusText.Any(char.IsDigit))
            {
                return Problems.BadRequest("Ukjent status", $"«{statusText}» er ingen status. Bruk en av: {string.Join(", ", Enum.GetNames<CaseStatus>())}.", "invalid-status");
            }

            status = parsed;
        }

        int pageSize = MaxPageSize;
        if (request.Query["pageSize"].FirstOrDefault() is { Length: > 0 } sizeText && (!int.TryParse(sizeText, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return Problems.BadRequest("Ugyldig sidestørrelse", $"pageSize må være et heltall fra 1 til {MaxPageSize}.", "invalid-page-size");
        }

        string filter = status is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey eq {round.Id} and Status eq {s.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {round.Id}");
        string? token = request.Query["continuationToken"].FirstOrDefault();
        Page<TableEntity>? page = null;
        try
        {
            await foreach (var p in storage.Table(StorageNames.CasesTable)
                .QueryAsync<TableEntity>(filter, pageSize, ListedColumns, cancellationToken)
                .AsPages(string.IsNullOrEmpty(token) ? null : token, pageSize))
            {
                page = p;
                break;
            }
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status400BadRequest)
        {
            return Problems.BadRequest("Ugyldig continuationToken", "continuationToken må være en du har fått fra en tidligere side av samme liste.", "invalid-continuation-token");
        }

        return TypedResults.Ok(new CaseList(round.Id, status?.ToString(), [.. (page?.Values ?? []).Select(Listed)], page?.ContinuationToken));
    }

    public static async Task<IResult> GetBudget(Admitted caller, PotLedger pots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(pots);
        var round = caller.Round!;
        var balance = await pots.BalanceAsync(round, cancellationToken);
        return TypedResults.Ok(new Budget(round.Id, balance.Pot, balance.Granted, balance.Left));
    }

    /// <summary>
    /// The audit trail: every event of the case, in order, with who and when; and every read of it, newest first. The
    /// applicant gets the case's timeline: the events without the kommune's working notes, and no read log.
    /// </summary>
    public static async Task<IResult> ListCaseEvents(
        Admitted caller, HttpRequest request, ICaseViews views, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(views);
        var application = caller.Application!;
        await RouteAccess.RecordReadAsync(request, caller, "events", cancellationToken);
        bool officer = CaseAccess.SeesTheKommunesWorkingNotes(caller.Caller);
        var events = (await views.EventsAsync(application.Reference, cancellationToken)).Where(e => officer || !e.Event.IsKommuneInternal);
        IReadOnlyList<CaseRead> reads = officer ? await request.HttpContext.RequestServices.GetRequiredService<ReadLog>().ListAsync(application.Reference, cancellationToken) : [];
        return TypedResults.Ok(new CaseHistory(
            application.Reference,
            [.. reads.Select(r => new CaseHistoryRead(r.What, r.At, new CaseHistoryActor(r.Role, r.Who)))],
            [.. events.OrderBy(e => e.Version).Select(e => new CaseHistoryEvent(
                e.Version,
                e.Event.GetType().Name,
                e.Event.At,
                new CaseHistoryActor(e.Event.By.Role.ToString(), e.Event.By.Id),
                // What happened, for the timeline (findings, scores, amounts, mails); the application itself is read
                // from its own route, so the submission's form and contact details are not repeated here.
                e.Event is CaseSubmitted ? null : e.Event))]));
    }

    /// <summary>A command's outcome once the case has decided it; 404 until then, or when it is not among the case's latest 20.</summary>
    public static async Task<IResult> GetCommandOutcome(
        Admitted caller, string commandId, DurableTaskClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var application = caller.Application!;
        var found = await CommandOutcomes.FindAsync(engine, application.Reference, CommandIds.Of(application.Reference, commandId), cancellationToken);
        return found is { Outcome: { } outcome }
            ? TypedResults.Ok(CommandOutcomes.Body(application.Reference, outcome, found.Summary, []))
            : Problems.NotFound($"Saken {application.Reference} har ikke (ennå) noe utfall for kommandoen «{commandId}».", "command-not-found");
    }

    /// <summary>
    /// A short-lived read-only link to one of the case's files (the application's attachments, an information reply's
    /// or a report's files), by the name the case gave it; the file itself never passes through the API.
    /// </summary>
    public static async Task<IResult> GetAttachmentLink(
        Admitted caller, string name, HttpRequest request, AttachmentLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(links);
        var application = caller.Application!;
        await RouteAccess.RecordReadAsync(request, caller, "attachment:" + name, cancellationToken);
        if (await links.CreateAsync(application.Reference, name, cancellationToken) is not { } link)
        {
            return Problems.NotFound($"Søknaden {application.Reference} har ingen fil «{name}».", "attachment-not-found");
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new AttachmentLinkAnswer(application.Reference, name, link.FileName, link.ContentType, link.Length, link.Url, link.ExpiresAt));
    }

    /// <summary>The API path of a stored file's link (see <see cref="GetAttachmentLink"/>).</summary>
    public static string AttachmentPath(string reference, string blobName) =>
        $"/api/applications/{reference}/attachments/{LinkName(blobName)}";

    /// <summary>The name a stored file's link is asked for by (the blob's name without the case's folder).</summary>
    public static string LinkName(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        return blobName[(blobName.LastIndexOf('/') + 1)..];
    }

    public static ProblemHttpResult ApplicationNotFound(string reference) =>
        Problems.NotFound($"Fant ingen søknad med referansenummer «{reference}».", "application-not-found");

    internal static ProblemHttpResult RoundNotFound(string id) =>
        Problems.NotFound($"Det finnes ingen tilskuddsrunde «{id}».", "round-not-found");

    static ListedCase Listed(TableEntity row)
    {
        var status = Enum.TryParse<CaseStatus>(row.GetString("Status"), out var s) ? s : CaseStatus.New;
        return new ListedCase(
            row.RowKey,
            status.ToString(),
            StatusNames.Of(status),
            row.GetString("OrganisationNumber"),
            row.GetInt64("AmountAppliedFor"),
            row.GetInt64("Granted"),
            row.GetInt64("PaidOut"),
            row.GetDateTimeOffset("NextDueAt"),
            row.GetInt32("Version"),
            new ListedCaseLinks($"/api/applications/{row.RowKey}", $"/api/applications/{row.RowKey}/events"));
    }
}

/// <summary>One page of a round's cases, optionally of one status; ContinuationToken fetches the next.</summary>
public sealed record CaseList(string RoundId, string? Status, IReadOnlyList<ListedCase> Items, string? ContinuationToken);

/// <summary>A case as the listing shows it (from its view row).</summary>
public sealed record ListedCase(
    string Reference, string Status, string StatusText, string? OrganisationNumber, long? AmountAppliedFor, long? Granted, long? PaidOut,
    DateTimeOffset? NextDueAt, int? Version, ListedCaseLinks Links);

public sealed record ListedCaseLinks(string Self, string Events);

/// <summary>The round's pot: its size, what is granted (reserved) and what is left; null pot where the round has none.</summary>
public sealed record Budget(string RoundId, long? Pot, long Granted, long? Left);

/// <summary>The audit trail: every read of the case (officers only) and every event, in order.</summary>
public sealed record CaseHistory(string Reference, IReadOnlyList<CaseHistoryRead> Reads, IReadOnlyList<CaseHistoryEvent> Events);

public sealed record CaseHistoryRead(string What, DateTimeOffset At, CaseHistoryActor By);

/// <param name="Details">The event itself, but for the submission (its form is read from the application's own route).</param>
public sealed record CaseHistoryEvent(int Version, string Type, DateTimeOffset At, CaseHistoryActor By, CaseEvent? Details);

public sealed record CaseHistoryActor(string Role, string Id);

/// <summary>A short-lived read-only link to one of the case's files.</summary>
public sealed record AttachmentLinkAnswer(string Reference, string Name, string FileName, string ContentType, long Length, Uri Url, DateTimeOffset ExpiresAt);
