using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using Tilskudd.Api.Tests.Cases;
using Tilskudd.Api.Tests.Fixtures;
using Tilskudd.Testing;

namespace Tilskudd.Api.Tests.Security;

/// <summary>
/// An administrator erases a withdrawn application's personal data, but only after the retention period; what
/// is left still counts in the statistics. A host of its own: its clock moves seven years.
/// </summary>
public sealed class ErasureTests(TilskuddFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_the_retention_period_an_administrator_erases_the_personal_data_and_an_anonymised_record_is_left()
    {
        await using var host = new LocalHostProcess(fixture.Azurite.ConnectionString, "TilskuddErasure");
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var application = ApplicationRequest.ValidAlta(await http.BudgetCategoryAsync("alta-2027"));
        var (submitted, receipt) = await http.SubmitAsync("alta-2027", application);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        string reference = receipt["reference"].Text();
        await http.WaitForStatusAsync(reference, s => s["status"].Text() == "WaitingForDeadline", TimeSpan.FromSeconds(60));
        var withdrawn = await http.OutcomeOfAsync(await http.PostAsync($"/api/applications/{reference}/withdrawal", CaseRequests.Organisation, new JsonObject { ["reason"] = "Prosjektet ble avlyst." }));
        Assert.Equal(HttpStatusCode.OK, withdrawn.Status);
        await http.WaitForStatusAsync(reference, s => s["status"].Text() == "Withdrawn", TimeSpan.FromSeconds(60));
        Assert.Equal(2, await AttachmentCountAsync(reference));

        var (early, tooEarly) = await http.PostAsync($"/api/applications/{reference}/erasure", "administrator");
        using var move = await http.PostAsJsonAsync("/dev/clock", new { moveTo = "2034-01-02T10:00:00+01:00" }, Ct);
        Assert.True(move.IsSuccessStatusCode);
        var (erased, answer) = await http.PostAsync($"/api/applications/{reference}/erasure", "administrator");
        var (again, _) = await http.PostAsync($"/api/applications/{reference}/erasure", "administrator");
        var (read, record) = await http.ReadAsync($"/api/applications/{reference}");
        var (_, trail) = await http.ReadAsync($"/api/applications/{reference}/events");
        string stored = (await fixture.Blobs.GetBlobContainerClient("applications").GetBlobClient($"{reference}.json").DownloadContentAsync(Ct)).Value.Content.ToString();
        var view = (await fixture.Tables.GetTableClient("cases").GetEntityAsync<Azure.Data.Tables.TableEntity>("alta-2027", reference, cancellationToken: Ct)).Value;

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("retention-not-over", tooEarly["code"].Text());
        Assert.Contains("1. januar 2034", tooEarly["detail"].Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Contains("vedlegg", answer["erased"]!.AsArray().Select(e => e.Text()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, await AttachmentCountAsync(reference));
        Assert.DoesNotContain("kari@nordlys.example.org", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Kari Testesen", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("post@nordlys.example.org", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("soker-1", stored, StringComparison.Ordinal);
        // The case's own records: the event log (the receipt's address, the withdrawal's reason) and who read it are
        // gone; the view the statistics count keeps status and amounts, without the address.
        Assert.Empty(trail["events"]!.AsArray());
        Assert.DoesNotContain(trail["reads"]!.AsArray(), r => r!["by"]!["id"].Text() == "soker-1");
        Assert.Equal("Withdrawn", view.GetString("Status"));
        Assert.Equal(45_000, view.GetInt64("AmountAppliedFor"));
        Assert.DoesNotContain("kari@nordlys.example.org", view.GetString("State"), StringComparison.Ordinal);
        Assert.DoesNotContain("Prosjektet ble avlyst.", view.GetString("State"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(45_000, record["amountAppliedFor"]!.GetValue<long>());
        Assert.Equal(Organisations.Number("91234568"), record["organisation"]!["number"].Text());
        Assert.Empty(record["attachments"]!.AsArray());
    }

    async Task<int> AttachmentCountAsync(string reference)
    {
        int count = 0;
        await foreach (var _ in fixture.Blobs.GetBlobContainerClient("attachments").GetBlobsAsync(new GetBlobsOptions { Prefix = reference + "/" }, Ct))
        {
            count++;
        }

        return count;
    }
}
