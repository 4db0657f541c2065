using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Rounds;
using Tilskudd.Infrastructure.Cases;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Tests.Cases;

public sealed class TableCaseViewsTests(StorageFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static (CaseState State, IReadOnlyList<NumberedEvent> Events) Submitted(string reference)
    {
        var round = RoundCatalog.ForYear("alta", 2027);
        var command = new SubmitApplication(Actor.System("intake"), reference, "912345688", "Nordlys", ApplicationKind.Project, ["A"], 45_000, "kari@nordlys.example.org");
        var result = CaseDecider.Decide(CaseState.Initial, command, CaseContext.For(round), new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var state = CaseState.Initial;
        var events = new List<NumberedEvent>();
        foreach (var e in result.Events)
        {
            state = CaseDecider.Evolve(state, e);
            events.Add(new NumberedEvent(state.Version, e));
        }

        return (state, events);
    }

    [Fact]
    public async Task A_saved_case_is_found_with_its_state_and_its_events_in_order()
    {
        var views = new TableCaseViews(fixture.Storage);
        string reference = $"ALT-2027-{Random.Shared.Next(1000, 9999)}";
        var (state, events) = Submitted(reference);

        await views.SaveAsync(CaseSummary.Of(state), state, events, Ct);
        await views.SaveAsync(CaseSummary.Of(state), state, events, Ct);

        var found = await views.FindAsync("alta-2027", reference, Ct);
        Assert.Equal(CaseSummary.Of(state), found!.Value.Summary);
        var stored = await views.EventsAsync(reference, Ct);
        Assert.Equal(events.Select(e => e.Version), stored.Select(e => e.Version));
        Assert.IsType<CaseSubmitted>(stored[0].Event);
    }

    [Fact]
    public async Task A_late_retry_of_an_older_turn_never_replaces_the_row_of_a_newer_one()
    {
        var views = new TableCaseViews(fixture.Storage);
        string reference = $"ALT-2027-{Random.Shared.Next(1000, 9999)}";
        var (state, events) = Submitted(reference);
        var newer = state with { Version = state.Version + 5 };
        var newerEvents = new[] { new NumberedEvent(newer.Version, events[0].Event) };

        await views.SaveAsync(CaseSummary.Of(state), state, events, Ct);
        await views.SaveAsync(CaseSummary.Of(newer), newer, newerEvents, Ct);
        await views.SaveAsync(CaseSummary.Of(state), state, events, Ct);

        Assert.Equal(newer.Version, (await views.FindAsync("alta-2027", reference, Ct))!.Value.Summary.Version);
        Assert.Equal([.. events.Select(e => e.Version), newer.Version], (await views.EventsAsync(reference, Ct)).Select(e => e.Version));
    }

    [Fact]
    public async Task A_turn_without_events_does_not_replace_a_newer_row()
    {
        var views = new TableCaseViews(fixture.Storage);
        string reference = $"ALT-2027-{Random.Shared.Next(1000, 9999)}";
        var (state, events) = Submitted(reference);
        var newer = state with { Version = state.Version + 5 };

        await views.SaveAsync(CaseSummary.Of(newer), newer, events, Ct);
        await views.SaveAsync(CaseSummary.Of(state), state, [], Ct);

        Assert.Equal(newer.Version, (await views.FindAsync("alta-2027", reference, Ct))!.Value.Summary.Version);
    }

    [Fact]
    public async Task A_retry_after_a_crash_between_the_events_and_the_row_writes_the_row()
    {
        var views = new TableCaseViews(fixture.Storage);
        string reference = $"ALT-2027-{Random.Shared.Next(1000, 9999)}";
        var (state, events) = Submitted(reference);
        await views.SaveAsync(CaseSummary.Of(state), state, events, Ct);
        // The crash: the events are stored, the row is not.
        await fixture.Storage.Table(Tilskudd.Infrastructure.Storage.StorageNames.CasesTable).DeleteEntityAsync("alta-2027", reference, cancellationToken: Ct);

        await views.SaveAsync(CaseSummary.Of(state), state, events, Ct);

        Assert.Equal(CaseSummary.Of(state), (await views.FindAsync("alta-2027", reference, Ct))!.Value.Summary);
        Assert.Equal(events.Select(e => e.Version), (await views.EventsAsync(reference, Ct)).Select(e => e.Version));
    }

    [Fact]
    public async Task A_turn_with_more_events_than_one_table_transaction_holds_stores_them_all_in_order()
    {
        var views = new TableCaseViews(fixture.Storage);
        string reference = $"ALT-2027-{Random.Shared.Next(1000, 9999)}";
        var (state, events) = Submitted(reference);
        var many = Enumerable.Range(1, 150).Select(v => new NumberedEvent(v, events[0].Event)).ToList();
        var last = state with { Version = 150 };

        await views.SaveAsync(CaseSummary.Of(last), last, many, Ct);

        var stored = await views.EventsAsync(reference, Ct);
        Assert.Equal(Enumerable.Range(1, 150), stored.Select(e => e.Version));
        Assert.Equal(150, (await views.FindAsync("alta-2027", reference, Ct))!.Value.Summary.Version);
    }
}
