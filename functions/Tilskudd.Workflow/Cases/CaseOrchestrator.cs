using Microsoft.DurableTask;
using Tilskudd.Workflow.Mail;

namespace Tilskudd.Workflow.Cases;

/// <summary>
/// One instance per application, instance id = reference number. Reads like the process:
/// confirm receipt, then wait for the case's next command. Deterministic: no clock, GUID,
/// I/O or configuration here; all of that happens in activities.
/// </summary>
public sealed class CaseOrchestrator : TaskOrchestrator<CaseStart, string>
{
    /// <summary>Name of the external event that carries caseworker and applicant commands.</summary>
    public const string CommandEvent = "command";

    /// <summary>Mail failures are retried for about a day before the case gives up on the receipt mail.</summary>
    static readonly TaskOptions MailRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 10,
        firstRetryInterval: TimeSpan.FromSeconds(5),
        backoffCoefficient: 3,
        maxRetryInterval: TimeSpan.FromHours(4)));

    public override async Task<string> RunAsync(TaskOrchestrationContext context, CaseStart input)
    {
        context.SetCustomStatus(new CaseStatus("Submitted", "Søknaden er mottatt.", ConfirmationSent: false, NextDueAt: null));

        await context.CallActivityAsync<MailReceipt>(nameof(SendMail), ConfirmationMail.For(input), MailRetry);
        context.SetCustomStatus(new CaseStatus("Submitted", "Søknaden er mottatt, og kvittering er sendt.", ConfirmationSent: true, NextDueAt: null));

        // The lifecycle after intake (review, decision, tranches, reports) comes with the
        // decider; until then the case waits for its next command and ends when told to.
        string command = await context.WaitForExternalEvent<string>(CommandEvent);
        return command;
    }
}
