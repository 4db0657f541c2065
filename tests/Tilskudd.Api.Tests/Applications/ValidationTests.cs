using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Tilskudd.Api.Tests.Fixtures;

namespace Tilskudd.Api.Tests.Applications;

/// <summary>
/// Every intake rule refuses with 400 problem+json naming the field, and nothing is stored or
/// started. These tests use a round of their own (alta-2031) so "nothing stored" can be checked.
/// </summary>
public sealed class ValidationTests(TilskuddFixture fixture) : IAsyncLifetime
{
    const string RoundId = "alta-2031";
    readonly HttpClient http = fixture.Http;
    string category = "";

    public async ValueTask InitializeAsync()
    {
        using var _ = await http.PostJsonAsAdministratorAsync("/api/rounds", new { schemeId = "alta", grantYear = 2031 });
        category = await http.BudgetCategoryAsync(RoundId);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static TheoryData<string, string> Rules => new()
    {
        { "amount_below_minimum", "amountAppliedFor" },
        { "amount_above_maximum", "amountAppliedFor" },
        { "delmål_not_of_the_round", "delmål" },
        { "organisation_number_with_wrong_check_digit", "organisation.number" },
        { "organisation_number_too_short", "organisation.number" },
        { "account_number_with_wrong_check_digit", "organisation.accountNumber" },
        { "no_budget_lines_and_no_budget_file", "budget" },
        { "project_budgeting_running_costs", "budget[0].category" },
        { "employees_without_skatteattest", "attachments.skatteattest" },
        { "operating_support_without_membership_list", "attachments.membershipList" },
        { "executable_named_pdf", "attachments" },
        { "file_over_20_mb", "attachments" },
        { "files_over_50_mb_in_all", "attachments" },
        { "form_that_is_not_json", "application" },
        { "unknown_attachment_kind", "attachments.invoice" },
        { "report_sent_with_the_application", "attachments.report" },
        { "attachment_kind_given_as_a_number", "attachments.1" },
    };

    [Theory]
    [InlineData("amount_above_maximum")]
    [InlineData("delmål_not_of_the_round")]
    [InlineData("organisation_number_with_wrong_check_digit")]
    [InlineData("no_budget_lines_and_no_budget_file")]
    [InlineData("project_budgeting_running_costs")]
    [InlineData("employees_without_skatteattest")]
    [InlineData("operating_support_without_membership_list")]
    [InlineData("file_over_20_mb")]
    public async Task The_form_s_check_gives_the_same_messages_as_sending_it_and_stores_nothing(string rule)
    {
        // The form's pages ask this at each step instead of repeating the rules (regler.js).
        var application = Break(ApplicationRequest.ValidAlta(category, grantYear: 2031), rule);
        var draft = new JsonObject
        {
            ["form"] = application.Form.DeepClone(),
            ["files"] = new JsonArray([.. application.Files.Select(f => (JsonNode)new JsonObject { ["kind"] = f.Part, ["fileName"] = f.FileName, ["length"] = f.Bytes.Length })]),
        };

        using var checkedDraft = await http.PostJsonAsApplicantAsync($"/api/rounds/{RoundId}/applications/validation", draft);
        var check = await checkedDraft.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        var (_, problem) = await http.SubmitAsync(RoundId, application);

        Assert.Equal(HttpStatusCode.OK, checkedDraft.StatusCode);
        Assert.NotEmpty(check!["errors"]!.AsObject());
        Assert.True(JsonNode.DeepEquals(problem["errors"], check["errors"]), $"Sent: {problem["errors"]!.ToJsonString()}{Environment.NewLine}Checked: {check["errors"]!.ToJsonString()}");
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_valid_form_checks_without_errors_and_is_not_taken_in()
    {
        var application = ApplicationRequest.ValidAlta(category, grantYear: 2031);
        var draft = new JsonObject
        {
            ["form"] = application.Form.DeepClone(),
            ["files"] = new JsonArray([.. application.Files.Select(f => (JsonNode)new JsonObject { ["kind"] = f.Part, ["fileName"] = f.FileName, ["length"] = f.Bytes.Length })]),
        };

        using var checkedDraft = await http.PostJsonAsApplicantAsync($"/api/rounds/{RoundId}/applications/validation", draft);
        var check = await checkedDraft.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, checkedDraft.StatusCode);
        Assert.Empty(check!["errors"]!.AsObject());
        await AssertNothingStoredAsync();
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task A_broken_rule_is_refused_with_the_field_named_and_nothing_is_stored(string rule, string field)
    {
        var application = Break(ApplicationRequest.ValidAlta(category, grantYear: 2031), rule);

        var (response, problem) = await http.SubmitAsync(RoundId, application);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"Expected an error on «{field}», got: {errors.ToJsonString()}");
        Assert.All(errors, e => Assert.NotEmpty(e.Value!.AsArray()[0].Text()));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task All_broken_rules_come_back_at_once()
    {
        var application = ApplicationRequest.ValidAlta(category, grantYear: 2031);
        application.Form["amountAppliedFor"] = 500;
        application.Form["delmål"] = new JsonArray("Q");
        application.Form["organisation"]!["number"] = "123";

        var (response, problem) = await http.SubmitAsync(RoundId, application);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("amountAppliedFor", errors.Select(e => e.Key));
        Assert.Contains("delmål", errors.Select(e => e.Key));
        Assert.Contains("organisation.number", errors.Select(e => e.Key));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task A_form_that_is_not_multipart_is_refused_in_Norwegian()
    {
        using var response = await DevSignIn.SendAsync(
            http, () => new HttpRequestMessage(HttpMethod.Post, $"/api/rounds/{RoundId}/applications") { Content = JsonContent.Create(new { organisation = "x" }) }, DevSignIn.Applicant);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("multipart/form-data", problem!["errors"]!["application"]![0].Text(), StringComparison.Ordinal);
    }

    static ApplicationRequest Break(ApplicationRequest application, string rule)
    {
        var form = application.Form;
        switch (rule)
        {
            case "amount_below_minimum": form["amountAppliedFor"] = 9_999; break;
            case "amount_above_maximum": form["amountAppliedFor"] = 1_000_001; break;
            case "delmål_not_of_the_round": form["delmål"] = new JsonArray("D"); break;
            case "organisation_number_with_wrong_check_digit": form["organisation"]!["number"] = Organisations.WithWrongCheckDigit("91234568"); break;
            case "organisation_number_too_short": form["organisation"]!["number"] = "9123456"; break;
            case "account_number_with_wrong_check_digit": form["organisation"]!["accountNumber"] = "1503 12 34563"; break;
            case "no_budget_lines_and_no_budget_file":
                form["budget"] = new JsonArray();
                application.Files.RemoveAll(f => f.Part == "budget");
                break;
            case "project_budgeting_running_costs": form["budget"]![0]!["category"] = "drift"; break;
            case "employees_without_skatteattest": application.Files.RemoveAll(f => f.Part == "skatteattest"); break;
            case "operating_support_without_membership_list":
                form["kind"] = "operating";
                form["payingMembers"] = 25;
                break;
            case "executable_named_pdf": application.Files.Add(("other", "program.pdf", TestFiles.ExecutableNamedPdf())); break;
            case "file_over_20_mb": application.Files.Add(("other", "stor.pdf", TestFiles.Pdf((20 * 1024 * 1024) + 1))); break;
            case "files_over_50_mb_in_all":
                for (int i = 0; i < 3; i++)
                {
                    application.Files.Add(("other", $"vedlegg-{i}.pdf", TestFiles.Pdf(17 * 1024 * 1024, seed: i)));
                }

                break;
            case "form_that_is_not_json": application.RawForm = "{ dette er ikke json"; break;
            case "unknown_attachment_kind": application.Files.Add(("invoice", "faktura.pdf", TestFiles.Pdf())); break;
            case "report_sent_with_the_application": application.Files.Add(("report", "rapport.pdf", TestFiles.Pdf())); break;
            case "attachment_kind_given_as_a_number": application.Files.Add(("1", "budsjett.pdf", TestFiles.Pdf())); break;
            default: throw new ArgumentOutOfRangeException(nameof(rule), rule, null);
        }

        return application;
    }

    async Task AssertNothingStoredAsync()
    {
        var applications = fixture.Tables.GetTableClient("applications");
        var sequences = fixture.Tables.GetTableClient("sequences");
        Assert.Empty(await applications.QueryAsync<TableEntity>(e => e.PartitionKey == RoundId, cancellationToken: TestContext.Current.CancellationToken).CollectAsync());
        Assert.Empty(await sequences.QueryAsync<TableEntity>(e => e.PartitionKey == RoundId, cancellationToken: TestContext.Current.CancellationToken).CollectAsync());
        var blobs = fixture.Blobs.GetBlobContainerClient("attachments").GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "ALT-2031-", TestContext.Current.CancellationToken);
        Assert.Empty(await blobs.CollectAsync());
    }
}
