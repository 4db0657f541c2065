using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tilskudd.Api.Security;
using Tilskudd.Api.Tests.Cases;
using Tilskudd.Api.Tests.Fixtures;
using Tilskudd.Domain.People;

namespace Tilskudd.Api.Tests.Security;

/// <summary>
/// Every route of <see cref="ApiRoutes.All"/> against every kind of caller, over HTTP on Tilskudd.Local: the
/// expected answer comes from the route's own <see cref="Access"/> rule, so a new route is in the matrix the
/// day it is declared. The case is an Alta 2027 application sent by a private person for Nordlys; a kommune's
/// payouts are Alta's.
/// </summary>
public sealed class AccessMatrixTests(TilskuddFixture fixture, AccessMatrixTests.SentApplication sent) : IClassFixture<AccessMatrixTests.SentApplication>
{
    /// <summary>What a caller gets: turned away unsigned (401), turned away by the access rule (403 "forbidden"), or let in (anything else but a 5xx).</summary>
    public enum Answer
    {
        SignInNeeded,
        Denied,
        LetIn,
    }

    public static readonly string OrganisationNumber = Organisations.Number("91234568");
    static readonly string OtherOrganisation = Organisations.Number("81234567");

    /// <summary>The callers, each with how to get their token (null: none) and the routes' rules that let them in.</summary>
    static readonly (string Name, Func<HttpClient, Task<string?>> Token, Access[] LetIn)[] Callers =
    [
        ("anonymous", _ => Task.FromResult<string?>(null), []),
        ("expired", h => Token(h, Roles.Applicant, "org-soker", $"org={OrganisationNumber}&expiresIn=-120"), []),
        ("wrong audience", h => Token(h, Roles.Applicant, "org-soker", $"org={OrganisationNumber}&audience=en-annen-tjeneste"), []),
        ("wrong signature", async h => ReSigned(await Token(h, Roles.Applicant, "org-soker", $"org={OrganisationNumber}")), []),
        ("applicant of the org", h => Token(h, Roles.Applicant, "org-soker", $"org={OrganisationNumber}"), [Access.Applicant, Access.CaseApplicant, Access.CaseParty]),
        ("applicant of another org", h => Token(h, Roles.Applicant, "annen-org-soker", $"org={OtherOrganisation}"), [Access.Applicant]),
        ("private person who sent it", h => Token(h, Roles.Applicant, SentApplication.Sender, ""), [Access.Applicant, Access.CaseApplicant, Access.CaseParty]),
        ("other private person", h => Token(h, Roles.Applicant, "privat-2", ""), [Access.Applicant]),
        ("caseworker of the kommune", h => Token(h, Roles.Caseworker, "sb-alta", "kommune=5603"), [Access.CaseParty, Access.Officer]),
        ("caseworker of the other kommune", h => Token(h, Roles.Caseworker, "sb-oslo", "kommune=0301"), []),
        ("decision maker", h => Token(h, Roles.DecisionMaker, "beslutter-alta", "kommune=5603"), [Access.CaseParty, Access.Officer]),
        ("administrator", h => Token(h, Roles.Administrator, "admin-alta", "kommune=5603"), [Access.Administrator]),
    ];

    public static TheoryData<string> Routes() => [.. ApiRoutes.All.Select(r => r.Name)];

    [Fact]
    public void Every_route_has_a_caller_it_lets_in_and_one_it_turns_away()
    {
        foreach (var route in ApiRoutes.All)
        {
            Assert.Contains(Callers, c => Expected(c.LetIn, c.Name, route.Access) == Answer.LetIn);
            Assert.True(route.Access == Access.Anyone || Callers.Any(c => Expected(c.LetIn, c.Name, route.Access) != Answer.LetIn), route.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_caller_gets_what_the_routes_access_rule_says(string routeName)
    {
        var route = ApiRoutes.All.Single(r => r.Name == routeName);
        var http = fixture.Http;
        string reference = await sent.SendAsync(fixture);
        string path = route.Pattern.Replace("{id}", "alta-2027", StringComparison.Ordinal)
            .Replace("{reference}", reference, StringComparison.Ordinal)
            .Replace("{commandId}", "ukjent-kommando", StringComparison.Ordinal)
            .Replace("{kommune}", "5603", StringComparison.Ordinal)
            .Replace("{day}", "2020-01-06", StringComparison.Ordinal);

        var wrong = new List<string>();
        foreach (var (name, tokenOf, letIn) in Callers)
        {
            using var message = new HttpRequestMessage(new HttpMethod(route.Method), path);
            if (route.Method == "POST")
            {
                message.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            if (await tokenOf(http) is { } token)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(message, TestContext.Current.CancellationToken);
            string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var answer = AnswerOf(response, body);
            var expected = Expected(letIn, name, route.Access);
            if (answer != expected || (int)response.StatusCode >= 500)
            {
                wrong.Add($"{name}: {(int)response.StatusCode} {answer}, expected {expected}: {body}");
            }
            else if (answer != Answer.LetIn)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Matches("[æøåÆØÅ]|logg|tilgang|Innlogging", JsonNode.Parse(body)!["title"]!.GetValue<string>());
            }
        }

        Assert.True(wrong.Count == 0, $"{route.Method} {path} ({route.Access}):{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    static Answer Expected(Access[] letIn, string caller, Access access) =>
        access == Access.Anyone || letIn.Contains(access) ? Answer.LetIn
        : caller is "anonymous" or "expired" or "wrong audience" or "wrong signature" ? Answer.SignInNeeded
        : Answer.Denied;

    static Answer AnswerOf(HttpResponseMessage response, string body) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized => Answer.SignInNeeded,
        HttpStatusCode.Forbidden when JsonNode.Parse(body)?["code"]?.GetValue<string>() == "forbidden" => Answer.Denied,
        _ => Answer.LetIn,
    };

    static Task<string?> Token(HttpClient http, string role, string user, string query) =>
        DevSignIn.TokenAsync(http, role, user, query).ContinueWith(t => (string?)t.Result, TaskScheduler.Default);

    /// <summary>The same header and claims, signed with a key the host never made.</summary>
    static string? ReSigned(string? token)
    {
        string[] parts = token!.Split('.');
        byte[] signature = HMACSHA256.HashData(RandomNumberGenerator.GetBytes(32), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        return $"{parts[0]}.{parts[1]}.{Convert.ToBase64String(signature).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
    }

    /// <summary>The matrix's application: sent once per test class by a private person for Nordlys.</summary>
    public sealed class SentApplication : IDisposable
    {
        public const string Sender = "privat-1";

        readonly SemaphoreSlim gate = new(1, 1);

        public string? Reference { get; set; }

        public void Dispose() => gate.Dispose();

        public async Task<string> SendAsync(TilskuddFixture fixture)
        {
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                if (Reference is null)
                {
                    var application = ApplicationRequest.ValidAlta(await fixture.Http.BudgetCategoryAsync("alta-2027"));
                    using var response = await DevSignIn.SendAsync(fixture.Http, () => application.ToHttp("alta-2027"), Roles.Applicant, Sender);
                    string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                    Assert.True(response.StatusCode == HttpStatusCode.Created, body);
                    Reference = JsonNode.Parse(body)!["reference"]!.GetValue<string>();
                    await fixture.WaitForCaseViewAsync(Reference);
                }

                return Reference;
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
