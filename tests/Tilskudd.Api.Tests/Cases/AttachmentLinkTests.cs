using System.Net;
using Tilskudd.Api.Tests.Fixtures;
using static Tilskudd.Api.Tests.Cases.CaseRequests;

namespace Tilskudd.Api.Tests.Cases;

/// <summary>Attachments are fetched from storage through short-lived read-only links, never through the API.</summary>
public sealed class AttachmentLinkTests(TilskuddFixture fixture)
{
    [Fact]
    public async Task A_caseworker_gets_a_five_minute_link_that_downloads_the_budget_as_sent_under_its_own_name()
    {
        var application = ApplicationRequest.ValidAlta(await fixture.Http.BudgetCategoryAsync("alta-2027"));
        var (submitted, receipt) = await fixture.Http.SubmitAsync("alta-2027", application);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        string reference = receipt["reference"].Text();

        var (_, status) = await fixture.Http.ReadAsync($"/api/applications/{reference}");
        var budget = status["attachments"]!.AsArray().Single(a => string.Equals(a!["kind"].Text(), "budget", StringComparison.OrdinalIgnoreCase))!;
        var (linkResponse, link) = await fixture.Http.ReadAsync(budget["link"].Text(), Caseworker);

        Assert.Equal(HttpStatusCode.OK, linkResponse.StatusCode);
        Assert.Equal("no-store", linkResponse.Headers.CacheControl?.ToString());
        // Five minutes from when the host answered, by the storage's own (real) clock that checks the link: the answer's Date.
        var answeredAt = linkResponse.Headers.Date!.Value;
        Assert.InRange(link["expiresAt"]!.GetValue<DateTimeOffset>(), answeredAt.AddMinutes(5).AddSeconds(-2), answeredAt.AddMinutes(5).AddSeconds(2));
        using var anyone = new HttpClient();
        using var download = await anyone.GetAsync(new Uri(link["url"].Text()), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(application.Files.Single(f => f.Part == "budget").Bytes, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("budsjett 2027.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task The_link_cannot_write_and_names_outside_the_case_are_not_found()
    {
        string reference = await fixture.SubmitAltaCaseAsync();
        var (_, status) = await fixture.Http.ReadAsync($"/api/applications/{reference}");
        string path = status["attachments"]![0]!["link"].Text();
        var (_, link) = await fixture.Http.ReadAsync(path, Caseworker);

        using var anyone = new HttpClient();
        using var overwrite = new ByteArrayContent([1, 2, 3]);
        overwrite.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var written = await anyone.PutAsync(new Uri(link["url"].Text()), overwrite, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, written.StatusCode);

        foreach (string name in new[] { "99-budget.pdf", "..%2F..%2Fapplications%2Fx.json", "01-budget.exe" })
        {
            var (notFound, problem) = await fixture.Http.ReadAsync($"/api/applications/{reference}/attachments/{name}", Caseworker);
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
            Assert.Equal("application/problem+json", notFound.Content.Headers.ContentType?.MediaType);
            Assert.Contains(reference, problem["detail"].Text(), StringComparison.Ordinal);
        }

        var (anonymous, _) = await fixture.Http.ReadAsync(path, role: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
