using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tilskudd.Api.Http;
using Tilskudd.Api.Security;
using Tilskudd.Domain.People;
using Tilskudd.Domain.Rounds;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Api.Rounds;

/// <summary>Round listing (public) and opening a round (administrator).</summary>
public static class RoundsApi
{
    public static async Task<IResult> ListRounds(RoundDirectory rounds, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var list = await rounds.ListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(r => Summary(r, now)).ToList());
    }

    public static async Task<IResult> GetRound(string id, RoundDirectory rounds, TimeProvider time, CancellationToken cancellationToken)
    {
        var round = await rounds.FindAsync(id, cancellationToken);
        return round is null
            ? Problems.NotFound($"Det finnes ingen tilskuddsrunde «{id}».", "round-not-found")
            : TypedResults.Ok(Details(round, time.GetUtcNow()));
    }

    /// <summary>
    /// Opens a scheme's round for a grant year. The body is read here, not bound by the host, so both
    /// hosts answer a missing or broken body the same way: 400 with the field named.
    /// </summary>
    public static async Task<IResult> OpenRound(Admitted caller, HttpRequest request, RoundDirectory rounds, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var administrator = caller.Caller;

        OpenRoundRequest? body = null;
        try
        {
            body = await JsonSerializer.DeserializeAsync<OpenRoundRequest>(request.Body, JsonDefaults.Options, cancellationToken);
        }
        catch (JsonException)
        {
        }

        if (body is null || string.IsNullOrWhiteSpace(body.SchemeId) || body.GrantYear is < 2000 or > 2100)
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["schemeId"] = ["Oppgi ordningen (for eksempel «alta» eller «oslo») og et tildelingsår mellom 2000 og 2100, som JSON: {\"schemeId\": \"alta\", \"grantYear\": 2028}."],
            });
        }

        if (RoundCatalog.SchemeIds.Contains(body.SchemeId, StringComparer.OrdinalIgnoreCase)
            && RoundCatalog.ForYear(body.SchemeId.ToLowerInvariant(), body.GrantYear).Owner is { } owner && !administrator.WorksFor(owner.KommuneNumber))
        {
            return AccessProblems.Forbidden(Access.Administrator);
        }

        var result = await rounds.OpenAsync(body.SchemeId, body.GrantYear, cancellationToken);
        if (result is not { } opened)
        {
            return Problems.NotFound($"Det finnes ingen tilskuddsordning «{body.SchemeId}».", "scheme-not-found");
        }

        var view = Details(opened.Round, time.GetUtcNow());
        string location = $"/api/rounds/{opened.Round.Id}";
        return opened.Opened ? TypedResults.Created(location, view) : TypedResults.Ok(view);
    }

    /// <summary>What a list of rounds shows: enough to choose one.</summary>
    public static object Summary(Round round, DateTimeOffset now) => new
    {
        round.Id,
        round.SchemeId,
        round.GrantYear,
        round.Title,
        Kommune = round.Owner.Kommune,
        round.ApplicationDeadline,
        DeadlineAt = RoundCatalog.DeadlineInstant(round),
        IsOpen = RoundCatalog.IsOpenForApplications(round, now),
        round.Pot,
        Links = new { Self = $"/api/rounds/{round.Id}", Apply = $"/api/rounds/{round.Id}/applications" },
    };

    /// <summary>The whole round as data, with whether it takes applications now.</summary>
    public static JsonObject Details(Round round, DateTimeOffset now)
    {
        var node = JsonSerializer.SerializeToNode(round, JsonDefaults.Options)!.AsObject();
        node["isOpen"] = RoundCatalog.IsOpenForApplications(round, now);
        node["deadlineAt"] = RoundCatalog.DeadlineInstant(round);
        return node;
    }
}

public sealed record OpenRoundRequest(string SchemeId, int GrantYear);
