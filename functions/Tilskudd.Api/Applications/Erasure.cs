using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Tilskudd.Api.Http;
using Tilskudd.Api.Security;
using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Text;
using Tilskudd.Domain.Time;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Cases;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Api.Applications;

/// <summary>
/// An administrator erases an application's personal data once it need not be kept: the contact person, e-mail
/// addresses and phone, the free texts that may name people, who sent it, every attachment and letter, the case's
/// event log and read log, and its engine history (which holds the mail addresses). Left for statistics: round,
/// organisation number, kind, delmål, target groups, amounts and budget, and the case view's status and amounts.
/// The kommune's archive (Noark) keeps the letters it must keep; this store is not that archive.
/// </summary>
public static class Erasure
{
    static readonly string[] ErasedParts = ["kontaktperson", "e-postadresser", "telefon", "fritekster", "innsender", "vedlegg", "brev", "hendelseslogg", "lesinger", "sakens historikk i motoren"];
    static readonly string[] KeptParts = ["runde", "organisasjonsnummer", "søknadstype", "delmål", "målgrupper", "beløp", "budsjett", "status"];

    public static async Task<IResult> EraseApplication(Admitted caller, HttpRequest request, DurableTaskClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var (application, round) = (caller.Application!, caller.Round!);

        var services = request.HttpContext.RequestServices;
        var today = OsloTime.DateOf(services.GetRequiredService<TimeProvider>().GetUtcNow());
        if (today < Retention.ErasableFrom(round))
        {
            return Problems.Conflict(
                "Søknaden må fortsatt oppbevares",
                $"Søknaden {application.Reference} kan slettes fra {NorwegianFormat.Date(Retention.ErasableFrom(round))}: regnskapsmateriale oppbevares i fem år (bokføringsloven § 13).",
                "retention-not-over");
        }

        if (await services.GetRequiredService<ICaseViews>().FindAsync(round.Id, application.Reference, cancellationToken) is { Summary.Status: var status } && !Retention.IsOver(status))
        {
            return Problems.Conflict("Saken er ikke avsluttet", $"Saken {application.Reference} har status «{StatusNames.Of(status)}». Bare avsluttede saker kan slettes.", "case-open");
        }

        // The case first, so that nothing it still runs writes personal data back after it is erased.
        if (engine is not null && await engine.GetInstanceAsync(application.Reference, cancellationToken) is { } instance)
        {
            if (instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Failed))
            {
                await engine.TerminateInstanceAsync(application.Reference, cancellationToken);
                await engine.WaitForInstanceCompletionAsync(application.Reference, cancellationToken);
            }

            await engine.PurgeInstanceAsync(application.Reference, null, cancellationToken);
        }

        var storage = services.GetRequiredService<StorageClients>();
        foreach (string container in (string[])[StorageNames.AttachmentsContainer, StorageNames.LettersContainer])
        {
            var blobs = storage.Container(container);
            await foreach (var blob in blobs.GetBlobsAsync(new GetBlobsOptions { Prefix = application.Reference.ToUpperInvariant() + "/" }, cancellationToken))
            {
                await blobs.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
            }
        }

        await services.GetRequiredService<ApplicationStore>().SaveAsync(Anonymised(application), cancellationToken);
        await services.GetRequiredService<TableCaseViews>().EraseAsync(round.Id, application.Reference, cancellationToken);
        await services.GetRequiredService<ReadLog>().EraseAsync(application.Reference, cancellationToken);
        return TypedResults.Ok(new
        {
            application.Reference,
            Erased = ErasedParts,
            Kept = KeptParts,
        });
    }

    static StoredApplication Anonymised(StoredApplication application)
    {
        var form = application.Form;
        return application with
        {
            Form = form with
            {
                Contact = null,
                Organisation = form.Organisation is { } organisation ? organisation with { Email = null } : null,
                Project = form.Project is { } project ? project with { Description = "", ReceptionContact = null } : null,
            },
            Attachments = [],
            SubmittedBy = null,
        };
    }
}
