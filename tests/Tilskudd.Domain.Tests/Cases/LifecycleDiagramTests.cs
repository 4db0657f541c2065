using System.Runtime.CompilerServices;
using Tilskudd.Domain.Cases;

namespace Tilskudd.Domain.Tests.Cases;

public class LifecycleDiagramTests
{
    static string DocPath([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "docs", "case-lifecycle.md"));

    [Fact]
    public void Lifecycle_diagram_in_the_docs_is_up_to_date()
    {
        string expected = CaseLifecycleDiagram.Markdown();
        string path = DocPath();
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with UPDATE_SNAPSHOTS=1.");
        Assert.Equal(expected, File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_status_but_New_is_reached_by_some_transition()
    {
        var reached = CaseTransitions.All.Select(t => t.To).ToHashSet();

        Assert.All(Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.New), s => Assert.Contains(s, reached));
    }
}
