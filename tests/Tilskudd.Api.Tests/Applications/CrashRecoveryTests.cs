using System.Net;
using Tilskudd.Api.Tests.Fixtures;
using Tilskudd.Testing;

namespace Tilskudd.Api.Tests.Applications;

/// <summary>A host of its own (same Azurite, its own task hub) that the test may kill.</summary>
public sealed class CrashRecoveryTests(TilskuddFixture fixture)
{
    [Fact]
    public async Task The_host_killed_right_after_201_sends_the_confirmation_mail_once_after_restart()
    {
        await using var host = new LocalHostProcess(fixture.Azurite.ConnectionString, "TilskuddCrash");
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var application = ApplicationRequest.ValidAlta(await http.BudgetCategoryAsync("alta-2027"));

        var (response, receipt) = await http.SubmitAsync("alta-2027", application);
        await host.KillAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        string reference = receipt["reference"].Text();
        await host.StartAsync();
        var mails = await http.WaitForMailsAsync(reference, 1, TimeSpan.FromSeconds(120));
        Assert.True(mails.Count == 1, $"Expected one mail for {reference}, found {mails.Count}.{Environment.NewLine}{host.Output}");
        await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Single(await http.MailsForAsync(reference));
    }
}
