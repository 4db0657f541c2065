using Tilskudd.Domain.Templates;
using Tilskudd.Domain.Tests.Cases;

namespace Tilskudd.Domain.Tests.Templates;

/// <summary>Every template, rendered with the model the decider gave it in the year scenarios, against its snapshot file.</summary>
public class TemplateSnapshotTests
{
    static readonly Lazy<Dictionary<string, (string Scenario, Cases.YearScenarios.SentMail Mail)>> FirstOfEach = new(() =>
    {
        var all = new (string, Cases.YearScenarios.Run)[]
        {
            ("alta-2024", Cases.YearScenarios.Alta2024Granted()),
            ("oslo-2021", Cases.YearScenarios.Oslo2021PartlyGranted()),
            ("alta-2024-avslag", Cases.YearScenarios.Alta2024Rejected()),
            ("alta-2024-endring", ChangeScenario()),
        };
        var first = new Dictionary<string, (string, Cases.YearScenarios.SentMail)>(StringComparer.Ordinal);
        foreach (var (name, run) in all)
        {
            foreach (var mail in run.Mails)
            {
                first.TryAdd(mail.Mail.TemplateId, (name, mail));
            }
        }

        return first;
    });

    static Cases.YearScenarios.Run ChangeScenario()
    {
        var run = Cases.YearScenarios.Alta2024Granted();
        var spec = new CaseSpec(CaseSpec.Alta2024);
        foreach (var e in run.Spec.History.TakeWhile(e => e is not Domain.Cases.ReportSubmitted))
        {
            spec.Given(e);
        }

        return Cases.YearScenarios.Play(
            spec,
            CaseSpec.Oslo(2024, 6, 1),
            CaseSpec.Oslo(2024, 6, 30),
            (CaseSpec.Oslo(2024, 6, 3, 10), new Domain.Cases.RequestChange(CaseSpec.Organisation, "Vi vil flytte fellesmiddagene til et annet lokale.")),
            (CaseSpec.Oslo(2024, 6, 5, 10), new Domain.Cases.AnswerChangeRequest(CaseSpec.Caseworker, true, "Endringen er innenfor formålet med tilskuddet.")));
    }

    public static TheoryData<string> Ids => [.. TemplateIds.All];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Template_matches_its_snapshot(string templateId)
    {
        Assert.True(FirstOfEach.Value.ContainsKey(templateId), $"No scenario sends {templateId}.");
        var (scenario, sent) = FirstOfEach.Value[templateId];

        Snapshot.Matches($"{scenario}.{templateId}", TemplateRenderer.Render(templateId, sent.Mail.Model));
    }

    [Fact]
    public void Every_template_file_is_listed()
    {
        foreach (string id in TemplateIds.All)
        {
            Assert.True(TemplateRenderer.Exists(id), id);
        }

        int files = typeof(TemplateRenderer).Assembly.GetManifestResourceNames().Count(n => n.EndsWith(".liquid", StringComparison.Ordinal));
        Assert.Equal(TemplateIds.All.Count, files);
    }
}
