using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Tilskudd.Api.Tests.Cases;
using Tilskudd.Api.Tests.Fixtures;

namespace Tilskudd.Api.Tests.Applications;

/// <summary>
/// "Mine søknader" from the Api: the people acting for an organisation see all its applications, a private person
/// only those they sent, and nobody another organisation's or person's.
/// </summary>
public sealed class MyApplicationsTests(TilskuddFixture fixture)
{
    readonly HttpClient http = fixture.Http;

    [Fact]
    public async Task An_application_is_listed_for_its_sender_and_its_organisation_and_for_nobody_else()
    {
        string sender = $"privat-{Guid.NewGuid():N}";
        var application = ApplicationRequest.ValidAlta(await http.BudgetCategoryAsync("alta-2027"));
        using var submitted = await DevSignIn.SendAsync(http, () => application.ToHttp("alta-2027"), DevSignIn.Applicant, sender);
        string reference = JsonNode.Parse(await submitted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["reference"].Text();

        var bySender = await ListedAsync($"user={sender}");
        var byOrganisation = await ListedAsync($"user=leder-nordlys&org={Organisations.Number("91234568")}");
        var byOtherPerson = await ListedAsync($"user=privat-{Guid.NewGuid():N}");
        var byOtherOrganisation = await ListedAsync($"user=leder-samtale&org={Organisations.Number("81234567")}");

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var listed = Assert.Single(bySender);
        Assert.Equal((reference, "alta-2027", 45_000L), (listed!["reference"].Text(), listed["roundId"].Text(), listed["amountAppliedFor"]!.GetValue<long>()));
        Assert.Contains(byOrganisation, a => a!["reference"].Text() == reference);
        Assert.DoesNotContain(byOtherPerson, a => a!["reference"].Text() == reference);
        Assert.DoesNotContain(byOtherOrganisation, a => a!["reference"].Text() == reference);
    }

    /// <param name="query">The applicant's token query: user, and org for one acting for an organisation.</param>
    async Task<JsonArray> ListedAsync(string query)
    {
        string user = query.Split('&')[0]["user=".Length..];
        string token = await DevSignIn.TokenAsync(http, DevSignIn.Applicant, user, string.Join('&', query.Split('&').Skip(1)));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/applications", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!["items"]!.AsArray();
    }
}
