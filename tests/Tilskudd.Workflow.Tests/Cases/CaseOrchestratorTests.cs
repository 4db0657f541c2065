using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tilskudd.Workflow.Cases;
using Tilskudd.Workflow.Mail;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Workflow.Tests.Cases;

public sealed class CaseOrchestratorTests : IAsyncLifetime
{
    readonly RecordingMailSender mail = new();
    DurableTaskTestHost host = null!;

    static CaseStart Start(string reference) => new(
        reference, "alta-2027", "912345688", "Nordlys Flerkulturelle Forening", 45_000,
        new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero),
        MailTo: ["kari@nordlys.example.org"],
        MailCopyTo: []);

    public async ValueTask InitializeAsync()
    {
        host = await DurableTaskTestHost.StartAsync(
            WorkflowRegistry.Register,
            new DurableTaskTestHostOptions
            {
                ConfigureServices = services =>
                {
                    services.AddSingleton<IMailSender>(mail);
                    services.AddSingleton<IMailLedger, InMemoryMailLedger>();
                    services.AddSingleton<IMailRenderer, EchoRenderer>();
                    services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
                },
            },
            TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_new_case_sends_the_receipt_with_the_reference_number_and_waits_for_its_next_command()
    {
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(CaseOrchestrator), Start("ALT-2027-0001"), new Microsoft.DurableTask.StartOrchestrationOptions("ALT-2027-0001"), TestContext.Current.CancellationToken);

        var status = await WaitForAsync(id, s => s?.ConfirmationSent == true);

        var sent = Assert.Single(mail.Sent);
        Assert.Equal("ALT-2027-0001/kvittering", sent.MailId);
        Assert.Equal(["kari@nordlys.example.org"], sent.To);
        Assert.Contains("ALT-2027-0001", sent.Subject, StringComparison.Ordinal);
        Assert.Equal("Submitted", status!.Status);
        var instance = await host.Client.GetInstanceAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
    }

    [Fact]
    public async Task A_mail_service_that_is_down_for_a_while_does_not_lose_the_receipt()
    {
        mail.FailNext(2);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(CaseOrchestrator), Start("ALT-2027-0002"), new Microsoft.DurableTask.StartOrchestrationOptions("ALT-2027-0002"), TestContext.Current.CancellationToken);

        await WaitForAsync(id, s => s?.ConfirmationSent == true, TimeSpan.FromSeconds(60));
        Assert.Single(mail.Sent);
    }

    async Task<CaseStatus?> WaitForAsync(string id, Func<CaseStatus?, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var instance = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, TestContext.Current.CancellationToken);
            var status = instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<CaseStatus>();
            if (done(status))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Case {id} did not get there in time; last status: {status}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
