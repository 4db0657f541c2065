using System.Text.Json;
using Azure.Data.Tables;
using Tilskudd.Domain.Cases;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Cases;

/// <summary>
/// One row per case, partitioned by round: the summary's fields for listings by status and due date,
/// and the whole state as JSON so a command can be checked at the door without asking the engine.
/// Rows only move forward: a row from an older turn never replaces a newer one.
/// </summary>
public sealed class TableCaseViews(StorageClients storage) : ICaseViews
{
    TableClient Cases => storage.Table(StorageNames.CasesTable);

    public async Task SaveAsync(CaseSummary summary, CaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var existing = await Cases.GetEntityIfExistsAsync<TableEntity>(summary.RoundId, summary.Reference, ["Version"], cancellationToken);
        if (existing.HasValue && existing.Value!.GetInt32("Version") > summary.Version)
        {
            return;
        }

        var row = new TableEntity(summary.RoundId, summary.Reference)
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
        await Cases.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
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
