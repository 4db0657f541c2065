using System.Net;
using System.Text.Json.Nodes;
using Tilskudd.Api.Tests.Fixtures;
using static Tilskudd.Api.Tests.Cases.CaseRequests;
using static Tilskudd.Api.Tests.Cases.YearHost;

namespace Tilskudd.Api.Tests.Cases;

/// <summary>A decision meeting where the round's pot runs out: every grant decided at the same moment over HTTP.</summary>
public sealed class PotRaceTests(TilskuddFixture fixture)
{
    const int Cases = 50;
    const long Amount = 10_000;

    [Fact]
    public async Task Fifty_grants_decided_at_once_never_exceed_the_pot_and_every_loser_is_told_the_pot_is_spent()
    {
        await using var year = await YearHost.StartAsync(fixture, "TilskuddPotRace");
        var (opened, _) = await year.Http.SendAsync(HttpMethod.Post, "/api/rounds", "administrator", "admin-1", new JsonObject { ["schemeId"] = "alta", ["grantYear"] = 2028 });
        Assert.True(opened.IsSuccessStatusCode, $"{(int)opened.StatusCode}");
        var round = await year.Http.GetJsonAsync("/api/rounds/alta-2028");
        long pot = round["pot"]!.GetValue<long>();
        Assert.True(pot < Cases * Amount, "The test needs a pot smaller than what is asked for.");

        var references = await InParallel(Enumerable.Range(0, Cases), async _ =>
        {
            var form = ApplicationRequest.ValidAlta(round["budgetCategories"]![0]!["code"].Text(), grantYear: 2028);
            form.Form["amountAppliedFor"] = Amount;
            var (response, receipt) = await year.Http.SubmitAsync("alta-2028", form);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            string reference = receipt["reference"].Text();
            await year.WaitForAsync(reference, s => s["status"].Text() == "WaitingForDeadline", "the registers' answer");
            return reference;
        });

        // Tuesday 18 April 2028, after the deadline (Saturday 15 April): every case reviewed and recommended for 10 000.
        await year.MoveToAsync("2028-04-18 09:00");
        await InParallel(references, async reference =>
        {
            await year.DoAsync(reference, "review", Caseworker, CaseworkerUser);
            return await year.DoAsync(reference, "assessment", Caseworker, CaseworkerUser, Assessment(round, Amount));
        });

        var decisions = await Task.WhenAll(references.Select(async reference =>
        {
            var sent = await year.Http.SendAsync(HttpMethod.Post, $"/api/applications/{reference}/decision", "decisionMaker", DecisionMakerUser,
                new JsonObject { ["outcome"] = "granted", ["amount"] = Amount, ["reasons"] = new JsonArray("Godt tiltak.") }, Guid.NewGuid().ToString());
            return await year.Http.OutcomeOfAsync(sent);
        }));

        var granted = decisions.Where(d => d.Status == HttpStatusCode.OK && d.Body["accepted"]?.GetValue<bool>() == true).ToList();
        var refused = decisions.Except(granted).ToList();
        Assert.Equal(pot / Amount, granted.Count);
        // Refused at once (409 problem+json), or after a 202 by the outcome it links to (accepted: false): the same code and reason.
        Assert.All(refused, d =>
        {
            Assert.True(d.Status is HttpStatusCode.Conflict or HttpStatusCode.OK, $"{(int)d.Status} {d.Body.ToJsonString()}");
            Assert.Equal("pot-exceeded", d.Body["code"].Text());
            Assert.Contains("igjen av rammen", (d.Body["detail"] ?? d.Body["message"]).Text(), StringComparison.Ordinal);
        });
        var (_, budget) = await year.Http.ReadAsync("/api/rounds/alta-2028/budget");
        Assert.Equal(granted.Count * Amount, budget["granted"]!.GetValue<long>());
        Assert.Equal(pot - (granted.Count * Amount), budget["left"]!.GetValue<long>());
    }

    /// <summary>Eight at a time, as a few busy people would.</summary>
    static async Task<List<T>> InParallel<TItem, T>(IEnumerable<TItem> items, Func<TItem, Task<T>> work)
    {
        using var gate = new SemaphoreSlim(8);
        return [.. await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                return await work(item);
            }
            finally
            {
                gate.Release();
            }
        }))];
    }
}
