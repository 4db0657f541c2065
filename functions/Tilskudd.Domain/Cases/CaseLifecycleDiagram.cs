using System.Text;

namespace Tilskudd.Domain.Cases;

/// <summary>docs/case-lifecycle.md: the transition table drawn as a Mermaid state diagram. A test fails when the file is stale.</summary>
public static class CaseLifecycleDiagram
{
    static readonly CaseStatus[] Final = [CaseStatus.Closed, CaseStatus.Withdrawn, CaseStatus.Declined, CaseStatus.Lapsed];

    public static string Markdown()
    {
        var md = new StringBuilder();
        md.Append("# Case lifecycle\n\n")
          .Append("Generated from `CaseTransitions.All` in functions/Tilskudd.Domain/Cases by `CaseLifecycleDiagram.Markdown()`; ")
          .Append("do not edit by hand (the test `Lifecycle_diagram_in_the_docs_is_up_to_date` rewrites it with UPDATE_SNAPSHOTS=1).\n")
          .Append("Arrows are commands; `Tick` is the clock (reminders, letters, deadlines, payouts).\n\n")
          .Append("```mermaid\nstateDiagram-v2\n")
          .Append("    [*] --> New\n");
        foreach (var group in CaseTransitions.All.GroupBy(t => (t.From, t.Trigger, t.To)))
        {
            string notes = string.Join(", ", group.Select(t => t.Note).Distinct(StringComparer.Ordinal));
            md.Append(CultureInvariant($"    {group.Key.From} --> {group.Key.To} : {group.Key.Trigger} ({notes})\n"));
        }

        foreach (var status in Final)
        {
            md.Append(CultureInvariant($"    {status} --> [*]\n"));
        }

        md.Append("```\n\n| status | shown as |\n|---|---|\n");
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            md.Append(CultureInvariant($"| {status} | {StatusNames.Of(status)} |\n"));
        }

        return md.ToString();
    }

    static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
