using System.Net;
using Tilskudd.Api.Tests.Fixtures;

namespace Tilskudd.Api.Tests.Applications;

public sealed class SubmitApplicationTests(TilskuddFixture fixture)
{
    readonly HttpClient http = fixture.Http;

    [Fact]
    public async Task A_valid_Alta_application_is_stored_its_case_runs_and_the_organisation_gets_the_reference_by_mail()
    {
        var application = ApplicationRequest.ValidAlta(await http.BudgetCategoryAsync("alta-2027"));

        var (response, receipt) = await http.SubmitAsync("alta-2027", application);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        string reference = receipt["reference"].Text();
        Assert.Matches(@"^ALT-2027-\d{4}$", reference);
        Assert.Equal($"/api/applications/{reference}", response.Headers.Location?.ToString());

        var container = fixture.Blobs.GetBlobContainerClient("attachments");
        var blobs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, reference + "/", TestContext.Current.CancellationToken))
        {
            blobs.Add(blob.Name);
        }

        Assert.Equal(application.Files.Count, blobs.Count);
        foreach (var (name, sent) in blobs.Order(StringComparer.Ordinal).Zip(application.Files))
        {
            var stored = await container.GetBlobClient(name).DownloadContentAsync(TestContext.Current.CancellationToken);
            Assert.Equal(sent.Bytes, stored.Value.Content.ToArray());
            Assert.Equal("application/pdf", stored.Value.Details.ContentType);
        }

        var mails = await http.WaitForMailsAsync(reference, 1, TimeSpan.FromSeconds(60));
        var mail = Assert.Single(mails);
        Assert.Equal(["kari@nordlys.example.org"], mail["to"]!.AsArray().Select(a => a.Text()));
        Assert.Contains(reference, mail["subject"].Text() + mail["text"].Text(), StringComparison.Ordinal);

        // The organisation is in the (recorded) registers and registered in Alta, so the case goes on to wait for the deadline.
        var status = await http.WaitForStatusAsync(reference, s => s["status"].Text() == "WaitingForDeadline", TimeSpan.FromSeconds(30));
        Assert.Equal("Running", status["caseRuntimeStatus"].Text());
        Assert.True(status["confirmationSent"]!.GetValue<bool>());
        Assert.Equal(2, status["attachments"]!.AsArray().Count);
        Assert.Equal("WaitingForDeadline", status["status"].Text());
    }

    [Fact]
    public async Task An_Oslo_application_sent_by_a_private_person_is_confirmed_to_them_with_a_copy_to_the_organisation()
    {
        var application = ApplicationRequest.ValidOsloAsPrivatePerson(await http.BudgetCategoryAsync("oslo-2027"));

        var (response, receipt) = await http.SubmitAsync("oslo-2027", application);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        string reference = receipt["reference"].Text();
        Assert.Matches(@"^OSL-2027-\d{4}$", reference);
        var mail = Assert.Single(await http.WaitForMailsAsync(reference, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal(["ola@privat.example.org"], mail["to"]!.AsArray().Select(a => a.Text()));
        Assert.Equal(["styret@samtale.example.org"], mail["cc"]!.AsArray().Select(a => a.Text()));
    }

    [Fact]
    public async Task A_round_past_its_deadline_refuses_the_application_with_the_deadline()
    {
        var application = ApplicationRequest.ValidAlta(await http.BudgetCategoryAsync("oslo-2021"), grantYear: 2021);

        var (response, problem) = await http.SubmitAsync("oslo-2021", application);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Søknadsfristen har gått ut", problem["title"].Text());
        Assert.Contains("2020", problem["detail"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_to_a_round_that_does_not_exist_is_not_found()
    {
        var application = ApplicationRequest.ValidAlta("x");

        var (response, _) = await http.SubmitAsync("alta-1999", application);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Twenty_applications_sent_at_once_get_twenty_different_reference_numbers()
    {
        string category = await http.BudgetCategoryAsync("alta-2027");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.SubmitAsync("alta-2027", ApplicationRequest.ValidAlta(category))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Response.StatusCode));
        Assert.Equal(20, answers.Select(a => a.Body["reference"].Text()).Distinct().Count());
    }
}
