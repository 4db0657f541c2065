using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Tilskudd.Api.Cases;
using Tilskudd.Api.Http;
using Tilskudd.Api.Rounds;
using Tilskudd.Api.Security;
using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Cases;
using Tilskudd.Domain.People;
using Tilskudd.Domain.Rounds;
using Tilskudd.Domain.Text;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Workflow.Cases;

namespace Tilskudd.Api.Applications;

/// <summary>"Mine søknader": the applications the applicant may see, newest first.</summary>
public sealed record ApplicationList(IReadOnlyList<ApplicationListing> Items);

/// <summary>Submitting an application (the organisation's form) and reading its status.</summary>
public static class ApplicationsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static async Task<IResult> SubmitApplication(
        Admitted caller, HttpRequest request, IntakeService intake, DurableTaskClient engine, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (principal, round) = (caller.Caller, caller.Round!);

        if (request.HttpContext.RequestServices.GetRequiredService<RateLimits>().Submit(principal.Id) is { } tooMany)
        {
            return tooMany;
        }

        var now = time.GetUtcNow();
        if (!RoundCatalog.IsOpenForApplications(round, now))
        {
            return Problems.Conflict(
                "Søknadsfristen har gått ut",
                $"Fristen for å søke på «{round.Title}» ({round.GrantYear}) var {NorwegianFormat.Date(round.ApplicationDeadline)}. Søknaden er ikke tatt imot.",
                "round-closed");
        }

        string? key = request.Headers[IdempotencyHeader].FirstOrDefault();
        if (key is { Length: 0 or > 200 })
        {
            return Problems.BadRequest("Ugyldig Idempotency-Key", "Idempotency-Key må ha mellom 1 og 200 tegn.", "invalid-idempotency-key");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = SubmittedForm.MaxBodyBytes;
        }

        SubmittedForm submitted;
        try
        {
            submitted = await SubmittedForm.ReadAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            return Problems.TooLarge($"Søknaden med vedlegg kan være på høyst {SubmittedForm.MaxBodyBytes / (1024 * 1024)} MB. Ingenting er lagret.");
        }

        var errors = submitted.Errors;
        if (submitted.Form is { Organisation.Number: { } number } && !principal.IsPrivatePerson && !principal.ActsFor(number))
        {
            return Problems.Problem(
                StatusCodes.Status403Forbidden,
                "Du kan ikke søke for denne organisasjonen",
                $"Du er logget inn for {string.Join(", ", principal.Organisations)}, ikke for organisasjonsnummer {number}.",
                "not-your-organisation");
        }

        if (submitted.Form is { } form)
        {
            var verdict = ApplicationRules.Validate(round, form, submitted.Files.Select(f => f.Descriptor).ToList(), now);
            foreach (var (field, messages) in verdict.Errors)
            {
                errors[field] = errors.TryGetValue(field, out var earlier) ? [.. earlier, .. messages] : [.. messages];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return await intake.TakeInAsync(round, submitted with { SubmittedBy = principal.Id }, key, engine, cancellationToken) switch
        {
            IntakeOutcome.Accepted accepted => TypedResults.Created(
                $"/api/applications/{accepted.Application.Reference}", Receipt(accepted.Application)),
            IntakeOutcome.KeyReused reused => Problems.Unprocessable(
                "Idempotency-Key er brukt før",
                $"Denne Idempotency-Key ble brukt for søknad {reused.EarlierReference} med annet innhold. Bruk en ny nøkkel for en ny søknad.",
                "idempotency-key-reused"),
            _ => throw new InvalidOperationException("Unknown intake outcome."),
        };
    }

    /// <summary>Organisations one applicant may list at once: a token's org claims, not a search of the register.</summary>
    const int MaxOrganisationsListed = 50;

    /// <summary>
    /// "Mine søknader": every application of the organisations the applicant acts for, or, for a private person,
    /// the ones they sent; newest first, in every round. The same people <see cref="CaseAccess.IsTheApplicantOf"/> lets in.
    /// </summary>
    public static async Task<IResult> ListMyApplications(Admitted caller, ApplicationStore applications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(caller);
        var principal = caller.Caller;

        var found = principal.IsPrivatePerson
            ? await applications.ListForAsync([], principal.Id, cancellationToken)
            : await applications.ListForAsync([.. principal.Organisations.Take(MaxOrganisationsListed)], null, cancellationToken);
        return TypedResults.Ok(new ApplicationList(found));
    }

    public static async Task<IResult> GetApplication(Admitted caller, HttpRequest request, DurableTaskClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var application = caller.Application!;
        await RouteAccess.RecordReadAsync(request, caller, "application", cancellationToken);
        var instance = await engine.GetInstanceAsync(application.Reference, getInputsAndOutputs: true, cancellationToken);
        var progress = instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<CaseProgress>();
        var summary = progress?.Summary;
        return TypedResults.Ok(new
        {
            application.Reference,
            application.RoundId,
            application.SubmittedAt,
            Status = summary?.Status.ToString() ?? "Received",
            StatusText = summary is null ? "Søknaden er mottatt og venter på behandling." : StatusNames.Of(summary.Status),
            ConfirmationSent = progress?.ConfirmationSent ?? false,
            CaseRuntimeStatus = instance?.RuntimeStatus.ToString() ?? "NotStarted",
            NextDueAt = summary?.NextDueAt,
            Granted = summary?.Granted,
            PaidOut = summary?.PaidOut,
            summary?.AppealDeadline,
            summary?.AcceptanceDeadline,
            summary?.ReportDeadline,
            Commands = progress?.Recent ?? [],
            Organisation = new
            {
                application.Form.Organisation?.Number,
                application.Form.Organisation?.Name,
                AccountNumber = AccountNumberShown.To(caller.Principal, application.Form.Organisation?.AccountNumber),
            },
            application.Form.Kind,
            application.Form.Delmål,
            Project = application.Form.Project?.Title,
            application.Form.AmountAppliedFor,
            Attachments = application.Attachments.Select(a => new { a.Kind, a.FileName, a.ContentType, a.Length, a.Sha256, Link = CaseReads.AttachmentPath(application.Reference, a.BlobName) }),
        });
    }

    static object Receipt(StoredApplication application) => new
    {
        application.Reference,
        application.RoundId,
        application.SubmittedAt,
        Status = "Received",
        Message = $"Søknaden er mottatt. Referansenummeret er {application.Reference}. Du får en bekreftelse på e-post.",
        Attachments = application.Attachments.Select(a => new { a.Kind, a.FileName, a.ContentType, a.Length, a.Sha256 }),
        Links = new { Self = $"/api/applications/{application.Reference}" },
    };
}
