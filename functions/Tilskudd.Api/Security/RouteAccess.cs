using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tilskudd.Api.Http;
using Tilskudd.Api.Rounds;
using Tilskudd.Domain.Cases;
using Tilskudd.Domain.People;
using Tilskudd.Domain.Rounds;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Cases;

namespace Tilskudd.Api.Security;

/// <summary>
/// What a request was let in with: who (null on an <see cref="Access.Anyone"/> route), as whom they act on a case, and
/// the application or round it concerns. Handlers take it as a parameter; the admission step has set it before they run.
/// </summary>
public sealed record Admitted(Principal? Principal, StoredApplication? Application, Round? Round, Actor? Actor)
{
    /// <summary>The signed-in caller; every route but an <see cref="Access.Anyone"/> one has one.</summary>
    public Principal Caller => Principal ?? throw new InvalidOperationException("The route lets anyone in: there is no signed-in caller.");

    /// <summary>How minimal API hands it to a handler: the admission step (<see cref="RouteAccess.UseAdmission"/>) put it on the request.</summary>
    public static ValueTask<Admitted?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.Features.Get<Admitted>());
    }
}

/// <summary>Either the request may go on, or the problem to answer.</summary>
public readonly record struct Admission(Admitted? Admitted, IResult? Refusal);

/// <summary>What a request concerns, by its route's values: an application, a round, or a kommune's payouts.</summary>
public sealed record RouteTarget(string? Reference = null, string? RoundId = null, string? Kommune = null)
{
    public static RouteTarget From(RouteValueDictionary values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(values["reference"] as string, values["id"] as string, values["kommune"] as string);
    }
}

/// <summary>
/// The one admission step of both hosts: checks a request against its route's <see cref="Access"/> rule before the
/// handler runs, in the order that tells an outsider least: 401 without a valid sign-in, 403 for a role that never
/// may, 404 for an unknown application or round, then 403 when the application or round is another organisation's,
/// another person's or another kommune's. The rules themselves are the Domain's (<see cref="CaseAccess"/>).
/// </summary>
public sealed class RouteAccess(SignIn signIn, ApplicationStore applications, RoundDirectory rounds)
{
    /// <summary>The kommuner that own a scheme: the only ones with payouts, rounds and caseworkers here.</summary>
    static readonly FrozenSet<string> Kommuner = RoundCatalog.Schemes.Select(s => s.BaseRound.Owner.KommuneNumber).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The route's rule for this request, on what <paramref name="target"/> names.</summary>
    public async Task<Admission> AdmitAsync(HttpRequest request, ApiRoute route, RouteTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(target);
        if (route.Access == Access.Anyone)
        {
            return new(new Admitted(null, null, null, null), null);
        }

        var signedIn = await signIn.ResolveAsync(request);
        if (signedIn is not SignedIn.Person { Principal: var principal })
        {
            return new(null, signedIn is SignedIn.Refused refused ? AccessProblems.SignInRefused(refused.Reason) : AccessProblems.SignInNeeded());
        }

        if (!CaseAccess.MayEverUse(principal, route.Access))
        {
            return new(null, AccessProblems.Forbidden(route.Access));
        }

        StoredApplication? application = null;
        Round? round = null;
        if (target.Reference is { } reference)
        {
            application = await applications.FindAsync(reference, cancellationToken);
            round = application is null ? null : RoundCatalog.ById(application.RoundId);
            if (application is null || round is null)
            {
                return new(null, Problems.NotFound($"Fant ingen søknad med referansenummer «{reference}».", "application-not-found"));
            }
        }
        else if (target.RoundId is { } roundId)
        {
            round = await rounds.FindAsync(roundId, cancellationToken);
            if (round is null)
            {
                return new(null, Problems.NotFound($"Det finnes ingen tilskuddsrunde «{roundId}».", "round-not-found"));
            }
        }
        else if (target.Kommune is { } kommune && !Kommuner.Contains(kommune))
        {
            return new(null, Problems.NotFound($"Tilskudd har ingen ordninger for kommunenummer «{kommune}».", "kommune-not-found"));
        }

        var parties = application is null ? null : PartiesOf(application);
        return CaseAccess.MayUse(principal, route.Access, parties, round?.Owner.KommuneNumber ?? target.Kommune)
            ? new(new Admitted(principal, application, round, CaseAccess.ActorOnTheCase(principal, route.ActingAs)), null)
            : new(null, AccessProblems.Forbidden(route.Access));
    }

    /// <summary>The Functions host's way through the admission step: admit, then the handler with the admitted caller; or the refusal.</summary>
    public async Task<IResult> AnswerAsync(HttpRequest request, ApiRoute route, RouteTarget target, Func<Admitted, Task<IResult>> handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var admission = await AdmitAsync(request, route, target, cancellationToken);
        return admission.Admitted is { } admitted ? await handler(admitted) : admission.Refusal!;
    }

    /// <summary>
    /// The local host's admission step: every endpoint of the route table (<see cref="ApiRoute"/> in its metadata) is
    /// admitted here, after routing and before its handler; a refusal is answered without the handler.
    /// </summary>
    public static IApplicationBuilder UseAdmission(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ApiRoute>() is not { } route)
            {
                await next(context);
                return;
            }

            var access = context.RequestServices.GetRequiredService<RouteAccess>();
            var admission = await access.AdmitAsync(context.Request, route, RouteTarget.From(context.Request.RouteValues), context.RequestAborted);
            if (admission.Admitted is not { } admitted)
            {
                await admission.Refusal!.ExecuteAsync(context);
                return;
            }

            context.Features.Set(admitted);
            await next(context);
        });
    }

    /// <summary>The application's parties as the Domain's access rules see them.</summary>
    public static ApplicationParties PartiesOf(StoredApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new(application.Form.Organisation?.Number, application.SubmittedBy);
    }

    /// <summary>Records that the admitted person read <paramref name="what"/> of the application (the read log beside the case events).</summary>
    public static Task RecordReadAsync(HttpRequest request, Admitted admitted, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(admitted);
        if (admitted is not { Principal: { } principal, Application: { } application })
        {
            return Task.CompletedTask;
        }

        var services = request.HttpContext.RequestServices;
        var role = (admitted.Actor ?? CaseAccess.ActorOnTheCase(principal, ActingAs.TheirRole)).Role.ToString();
        return services.GetRequiredService<ReadLog>().RecordAsync(
            new CaseRead(application.Reference, principal.Id, role, what, services.GetRequiredService<TimeProvider>().GetUtcNow()), cancellationToken);
    }
}
