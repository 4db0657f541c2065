using System.Text.Json;
using Azure.Data.Tables;
using Tilskudd.Domain.Cases;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Cases;

/// <summary>
/// One row per case, partitioned by round: the summary's fields for listings by status and due date,
/// and the whole state as JSON so a command can be checked at the door without asking the engine.
/// Rows only move forward: a retried turn's row never replaces a later turn's.
/// </summary>
public sealed class TableCaseViews(StorageClients storage) : ICaseViews
{
    TableClient Cases => storage.Table(StorageNames.CasesTable);

    TableClient Events => storage.Table(StorageNames.CaseEventsTable);

    /// <summary>Azure Tables take at most 100 operations in one transaction.</summary>
    const int MaxBatch = 100;

    public async Task SaveAsync(CaseSummary summary, CaseState state, IReadOnlyList<NumberedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(events);
        var row = Row(summary, state);

        // The event log comes first: a crash after it and before the view leaves a view one turn behind, never an event lost.
        // A turn's events share the case's partition, so they go in one transaction. They are added, not upserted: when
        // none of them was stored, this is the turn's first write, and no later turn can have written the row (the case
        // starts a turn only after the turn before has stored its row), so the row is written without reading its
        // version first: one request a turn less (bench, issue 18). When they were stored, this is a retry, perhaps
        // late, and the row is written only if it is not newer.
        if (events.Count is > 0 and <= MaxBatch && await AddedAsync(summary.Reference, events, cancellationToken))
        {
            await Cases.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            return;
        }

        foreach (var chunk in events.Chunk(MaxBatch))
        {
            await Events.SubmitTransactionAsync(
                chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, EventRow(summary.Reference, e))),
                cancellationToken);
        }

        var existing = await Cases.GetEntityIfExistsAsync<TableEntity>(summary.RoundId, summary.Reference, ["Version"], cancellationToken);
        if (existing.HasValue && existing.Value!.GetInt32("Version") > summary.Version)
        {
            return;
        }

        await Cases.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Adds the turn's events in one transaction; false when one of them was already stored (nothing is added then).</summary>
    async Task<bool> AddedAsync(string reference, IReadOnlyList<NumberedEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await Events.SubmitTransactionAsync(
                events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, EventRow(reference, e))),
                cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException e) when (e.Status == (int)System.Net.HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    static TableEntity Row(CaseSummary summary, CaseState state) => new(summary.RoundId, summary.Reference)
    {
        ["Status"] = summary.Status.ToString(),
        ["OrganisationNumber"] = summary.OrganisationNumber,
        ["AmountAppliedFor"] = summary.AmountAppliedFor,
        ["Granted"] = summary.Granted,
        ["PaidOut"] = summary.PaidOut,
        ["NextDueAt"] = summary.NextDueAt,
        ["Version"] = summary.Version,
        ["State"] = JsonSerializer.Serialize(state, JsonDefaults.Options),
    };

    /// <summary>Every case of a round as its view last stored it, for the round's exports and figures.</summary>
    public async Task<IReadOnlyList<CaseState>> ListRoundAsync(string roundId, CancellationToken cancellationToken)
    {
        var states = new List<CaseState>();
        await foreach (var row in Cases.QueryAsync<TableEntity>(r => r.PartitionKey == roundId, select: ["State"], cancellationToken: cancellationToken))
        {
            if (row.GetString("State") is { } json && JsonSerializer.Deserialize<CaseState>(json, JsonDefaults.Options) is { } state)
            {
                states.Add(state);
            }
        }

        return states;
    }

    public async Task<IReadOnlyList<NumberedEvent>> EventsAsync(string reference, CancellationToken cancellationToken)
    {
        var events = new List<NumberedEvent>();
        await foreach (var row in Events.QueryAsync<TableEntity>(e => e.PartitionKey == reference, cancellationToken: cancellationToken))
        {
            events.Add(new NumberedEvent(row.GetInt32("Version") ?? 0, JsonSerializer.Deserialize<CaseEvent>(row.GetString("Json"), JsonDefaults.Options)!));
        }

        return events;
    }

    static TableEntity EventRow(string reference, NumberedEvent numbered) => new(reference, numbered.Version.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
    {
        ["Version"] = numbered.Version,
        ["Type"] = numbered.Event.GetType().Name,
        ["At"] = numbered.Event.At,
        ["ByRole"] = numbered.Event.By.Role.ToString(),
        ["ById"] = numbered.Event.By.Id,
        ["Json"] = JsonSerializer.Serialize(numbered.Event, JsonDefaults.Options),
    };

    /// <summary>
    /// Erases the case's personal data after the retention period: its event log (which holds the contact address and
    /// every text people wrote) is deleted, and its view keeps the state without personal data, for the statistics.
    /// </summary>
    public async Task EraseAsync(string roundId, string reference, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Events.QueryAsync<TableEntity>(e => e.PartitionKey == reference, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        foreach (var chunk in rows.Chunk(MaxBatch))
        {
            await Events.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r)), cancellationToken);
        }

        if (await FindAsync(roundId, reference, cancellationToken) is { State: var state })
        {
            await Cases.UpdateEntityAsync(
                new TableEntity(roundId, reference) { ["State"] = JsonSerializer.Serialize(state.WithoutPersonalData(), JsonDefaults.Options) },
                Azure.ETag.All,
                TableUpdateMode.Merge,
                cancellationToken);
        }
    }

    public async Task<(CaseSummary Summary, CaseState State)?> FindAsync(string roundId, string reference, CancellationToken cancellationToken)
    {
        var row = await Cases.GetEntityIfExistsAsync<TableEntity>(roundId, reference, cancellationToken: cancellationToken);
        if (!row.HasValue || JsonSerializer.Deserialize<CaseState>(row.Value!.GetString("State"), JsonDefaults.Options) is not { } state)
        {
            return null;
        }

        return (CaseSummary.Of(state), state);
    }
}
