using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Tilskudd.Functions.Cases;
using Tilskudd.Workflow.Cases;
using Tilskudd.Workflow.Mail;

namespace Tilskudd.Functions.Tests.Cases;

/// <summary>
/// Runs the [Function] wrappers themselves on the in-process engine: the orchestrator and activity
/// are registered as funcs that call the wrapper methods, so the code the Functions host would
/// call is the code under test.
/// </summary>
public sealed class CaseFunctionsTests : IAsyncLifetime
{
    readonly RecordingMailSender mail = new();
    DurableTaskTestHost host = null!;

    public async ValueTask InitializeAsync()
    {
        var functions = new CaseFunctions(new SendMail(mail, new InMemoryMailLedger(), new EchoRenderer(), NullLogger<SendMail>.Instance));
        host = await DurableTaskTestHost.StartAsync(
            registry =>
            {
                registry.AddOrchestratorFunc<CaseStart, string>(nameof(CaseOrchestrator), (context, input) => CaseFunctions.RunCase(context, input));
                registry.AddActivityFunc<MailRequest, MailReceipt>(nameof(SendMail), (_, request) => functions.SendMailActivity(request, CancellationToken.None));
            },
            cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_case_started_through_the_wrappers_sends_the_receipt_mail_with_the_reference()
    {
        var start = new CaseStart(
            "ALT-2027-0007", "alta-2027", "912345674", "Nordlys Flerkulturelle Forening", 45_000,
            new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero),
            MailTo: ["kari@nordlys.example.org"],
            MailCopyTo: ["post@nordlys.example.org"]);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(CaseOrchestrator), start, new StartOrchestrationOptions(start.Reference), TestContext.Current.CancellationToken);
        var status = await WaitForConfirmationAsync(id);

        var sent = Assert.Single(mail.Sent);
        Assert.Equal("ALT-2027-0007/kvittering", sent.MailId);
        Assert.Equal(["kari@nordlys.example.org"], sent.To);
        Assert.Equal(["post@nordlys.example.org"], sent.Cc);
        Assert.Contains("ALT-2027-0007", sent.Subject, StringComparison.Ordinal);
        Assert.True(status.ConfirmationSent);
        var instance = await host.Client.GetInstanceAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
    }

    [Fact]
    public async Task The_activity_wrapper_sends_a_mail_once_however_often_it_runs()
    {
        var functions = new CaseFunctions(new SendMail(mail, new InMemoryMailLedger(), new EchoRenderer(), NullLogger<SendMail>.Instance));
        var request = new MailRequest("ALT-2027-0008/kvittering", "kvittering", new Dictionary<string, string> { ["reference"] = "ALT-2027-0008" }, ["a@example.org"], []);

        var first = await functions.SendMailActivity(request, TestContext.Current.CancellationToken);
        var second = await functions.SendMailActivity(request, TestContext.Current.CancellationToken);

        Assert.False(first.AlreadySent);
        Assert.True(second.AlreadySent);
        Assert.Single(mail.Sent);
    }

    async Task<CaseStatus> WaitForConfirmationAsync(string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var instance = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, TestContext.Current.CancellationToken);
            var status = instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<CaseStatus>();
            if (status is { ConfirmationSent: true })
            {
                return status;
            }

            Assert.True(instance?.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated), $"Case {id} failed: {instance?.FailureDetails}");
            Assert.True(DateTime.UtcNow < deadline, $"Case {id} did not send its receipt in time; last status: {status}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
