using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Tilskudd.Domain.Cases;
using Tilskudd.Functions.Cases;
using Tilskudd.Testing;
using Tilskudd.Testing.Fakes;
using Tilskudd.Workflow.Cases;
using Tilskudd.Workflow.Effects;
using Tilskudd.Workflow.Mail;

namespace Tilskudd.Functions.Tests.Cases;

/// <summary>
/// Runs the [Function] wrappers themselves on the in-process engine: the orchestrator and activity
/// are registered as funcs that call the wrapper methods, so the code the Functions host would
/// call is the code under test.
/// </summary>
public sealed class CaseFunctionsTests : IAsyncLifetime
{
    readonly WorkflowFakes fakes = new();
    DurableTaskTestHost host = null!;

    RecordingMailSender mail => fakes.Mail;

    /// <summary>The wrappers with their activity classes made from the fakes, as the host's DI would make them.</summary>
    CaseFunctions Functions()
    {
        var services = new ServiceCollection();
        fakes.AddTo(services);
        services.AddTransient<Workflow.Mail.SendMail>().AddTransient<Workflow.Effects.RenderLetter>().AddTransient<Workflow.Effects.RegisterTranche>()
            .AddTransient<Workflow.Effects.ReserveGrant>().AddTransient<Workflow.Effects.ReleaseGrant>().AddTransient<Workflow.Effects.NotifyCaseworkers>()
            .AddTransient<Workflow.Effects.UpdateCaseView>().AddTransient<UpdateCaseViewAndMail>().AddTransient<LookUpOrganisation>().AddTransient<CaseFunctions>();
        return services.BuildServiceProvider().GetRequiredService<CaseFunctions>();
    }

    public async ValueTask InitializeAsync()
    {
        var functions = Functions();
        host = await DurableTestHost.StartAsync(
            registry =>
            {
                var none = CancellationToken.None;
                registry.AddOrchestratorFunc<CaseInput, CaseSummary?>(nameof(CaseOrchestrator), (context, input) => CaseFunctions.RunCase(context, input));
                registry.AddActivityFunc<MailRequest, MailReceipt>(nameof(Workflow.Mail.SendMail), (_, request) => functions.SendMailActivity(request, none));
                registry.AddActivityFunc<Domain.Cases.RenderLetter, bool>(nameof(Workflow.Effects.RenderLetter), (_, letter) => functions.RenderLetterActivity(letter, none));
                registry.AddActivityFunc<Domain.Cases.RegisterTranche, bool>(nameof(Workflow.Effects.RegisterTranche), (_, tranche) => functions.RegisterTrancheActivity(tranche, none));
                registry.AddActivityFunc<PotRequest, Workflow.Ports.PotPosition>(nameof(Workflow.Effects.ReserveGrant), (_, request) => functions.ReserveGrantActivity(request, none));
                registry.AddActivityFunc<PotRequest, Workflow.Ports.PotPosition>(nameof(Workflow.Effects.ReleaseGrant), (_, request) => functions.ReleaseGrantActivity(request, none));
                registry.AddActivityFunc<Domain.Cases.NotifyCaseworkers, bool>(nameof(Workflow.Effects.NotifyCaseworkers), (_, notice) => functions.NotifyCaseworkersActivity(notice, none));
                registry.AddActivityFunc<CaseViewUpdate, bool>(nameof(Workflow.Effects.UpdateCaseView), (_, update) => functions.UpdateCaseViewActivity(update, none));
                registry.AddActivityFunc<CaseViewAndMails, IReadOnlyList<MailReceipt>>(
                    nameof(UpdateCaseViewAndMail), (_, update) => functions.UpdateCaseViewAndMailActivity(update, none));
                registry.AddActivityFunc<string, RegisterFacts?>(nameof(LookUpOrganisation), (_, number) => functions.LookUpOrganisationActivity(number, none));
            },
            services: null,
            TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_case_started_through_the_wrappers_sends_the_receipt_mail_with_the_reference()
    {
        var start = new CaseStart(
            "ALT-2027-0007", "alta-2027", "912345688", "Nordlys Flerkulturelle Forening", 45_000,
            new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero),
            MailTo: ["kari@nordlys.example.org"],
            MailCopyTo: ["post@nordlys.example.org"]);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(CaseOrchestrator), new CaseInput(start, ClockOffset: CaseClock.LeadTo(start.SubmittedAt)), new StartOrchestrationOptions(start.Reference), TestContext.Current.CancellationToken);
        var status = await WaitForConfirmationAsync(id);

        var sent = Assert.Single(mail.Sent);
        Assert.Equal("ALT-2027-0007/kvittering", sent.MailId);
        Assert.Equal(["kari@nordlys.example.org"], sent.To);
        Assert.Equal(["post@nordlys.example.org"], sent.Cc);
        Assert.Contains("ALT-2027-0007", sent.Subject, StringComparison.Ordinal);
        Assert.True(status.ConfirmationSent);
        Assert.NotNull(status.Summary);
        Assert.NotNull(await fakes.Views.FindAsync("alta-2027", id, TestContext.Current.CancellationToken));
        var instance = await host.Client.GetInstanceAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
    }

    [Fact]
    public async Task The_activity_wrapper_sends_a_mail_once_however_often_it_runs()
    {
        var functions = Functions();
        var request = new MailRequest("ALT-2027-0008/kvittering", "kvittering", new Dictionary<string, string> { ["reference"] = "ALT-2027-0008" }, ["a@example.org"], []);

        var first = await functions.SendMailActivity(request, TestContext.Current.CancellationToken);
        var second = await functions.SendMailActivity(request, TestContext.Current.CancellationToken);

        Assert.False(first.AlreadySent);
        Assert.True(second.AlreadySent);
        Assert.Single(mail.Sent);
    }

    async Task<CaseProgress> WaitForConfirmationAsync(string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var instance = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, TestContext.Current.CancellationToken);
            var status = instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<CaseProgress>();
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
