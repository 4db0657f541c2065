using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Tilskudd.Api.Tests.Fixtures;

namespace Tilskudd.Api.Tests.Applications;

public sealed class IdempotencyTests(TilskuddFixture fixture)
{
    readonly HttpClient http = fixture.Http;

    [Fact]
    public async Task The_same_submit_sent_twice_with_one_Idempotency_Key_makes_one_application_one_case_and_one_mail()
    {
        var application = ApplicationRequest.ValidAlta(await http.BudgetCategoryAsync("alta-2027"));
        application.IdempotencyKey = $"retry-{Guid.NewGuid()}";

        var (first, firstBody) = await http.SubmitAsync("alta-2027", application);
        var (second, secondBody) = await http.SubmitAsync("alta-2027", application);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        string reference = firstBody["reference"].Text();
        Assert.Equal(reference, secondBody["reference"].Text());
        Assert.Equal(first.Headers.Location, second.Headers.Location);

        var rows = await fixture.Tables.GetTableClient("applications")
            .QueryAsync<TableEntity>(e => e.PartitionKey == "alta-2027" && e.RowKey == reference, cancellationToken: TestContext.Current.CancellationToken)
            .CollectAsync();
        Assert.Single(rows);

        await http.WaitForMailsAsync(reference, 1, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.Single(await http.MailsForAsync(reference));
    }

    [Fact]
    public async Task The_same_submits_sent_at_once_with_one_Idempotency_Key_get_one_reference()
    {
        var application = ApplicationRequest.ValidAlta(await http.BudgetCategoryAsync("alta-2027"));
        application.IdempotencyKey = $"double-click-{Guid.NewGuid()}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => http.SubmitAsync("alta-2027", application)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Response.StatusCode));
        string reference = Assert.Single(answers.Select(a => a.Body["reference"].Text()).Distinct());
        await http.WaitForMailsAsync(reference, 1, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.Single(await http.MailsForAsync(reference));
    }

    [Fact]
    public async Task An_Idempotency_Key_used_again_for_a_different_application_is_refused()
    {
        string category = await http.BudgetCategoryAsync("alta-2027");
        string key = $"reused-{Guid.NewGuid()}";
        var first = ApplicationRequest.ValidAlta(category);
        first.IdempotencyKey = key;
        var other = ApplicationRequest.ValidAlta(category);
        other.IdempotencyKey = key;
        other.Form["amountAppliedFor"] = 20_000;

        var (firstResponse, firstBody) = await http.SubmitAsync("alta-2027", first);
        var (otherResponse, problem) = await http.SubmitAsync("alta-2027", other);

        Assert.Equal(HttpStatusCode.Created, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherResponse.StatusCode);
        Assert.Contains(firstBody["reference"].Text(), problem["detail"].Text(), StringComparison.Ordinal);
    }
}
