using System.Text.Json;
using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Tests.Applications;

/// <summary>The form as the API receives it: camelCase, enums as camelCase strings.</summary>
public class ApplicationFormJsonTests
{
    const string Json = """
        {
          "organisation": { "number": "987 654 325", "name": "Flerkulturell testforening", "email": "post@flerkulturell.example.org", "accountNumber": "1503 12 34562" },
          "contact": { "name": "Testperson Eksempel", "email": "leder@flerkulturell.example.org", "phone": null },
          "submittedAs": "privatePerson",
          "kind": "operating",
          "delmål": ["A"],
          "targetGroups": ["Innvandrere"],
          "project": {
            "title": "Drift av foreningen", "description": "Medlemsmøter og aktiviteter.",
            "start": "2024-01-01", "end": "2024-12-31", "place": "Alta",
            "atAsylumReception": false, "receptionContact": null
          },
          "budget": [ { "category": "drift", "description": "Husleie", "amount": 30000 } ],
          "amountAppliedFor": 25000,
          "numberOfEmployees": 0,
          "payingMembers": 35,
          "declarations": {
            "noImdiFundingForSameActivity": true, "informationIsCorrect": true,
            "approvedByLeader": true, "faithCommunityWithOtherStateSupport": false
          }
        }
        """;

    [Fact]
    public void Form_reads_from_camel_case_json_with_string_enums()
    {
        var form = JsonSerializer.Deserialize<ApplicationForm>(Json, RoundCatalog.JsonOptions)!;

        Assert.Equal(SubmittedAs.PrivatePerson, form.SubmittedAs);
        Assert.Equal(ApplicationKind.Operating, form.Kind);
        Assert.Equal(["A"], form.Delmål);
        Assert.Equal(new DateOnly(2024, 12, 31), form.Project!.End);
        Assert.Equal(35, form.PayingMembers);
        Assert.True(form.Declarations.ApprovedByLeader);
    }

    [Fact]
    public void Form_read_from_json_passes_alta_rules()
    {
        var form = JsonSerializer.Deserialize<ApplicationForm>(Json, RoundCatalog.JsonOptions)!;

        var result = ApplicationRules.Validate(Samples.Alta2024, form, Samples.AltaOperatingFiles, Samples.BeforeAltaDeadline);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Form_writes_the_same_names_it_reads()
    {
        var form = JsonSerializer.Deserialize<ApplicationForm>(Json, RoundCatalog.JsonOptions)!;
        using var written = JsonDocument.Parse(JsonSerializer.Serialize(form, RoundCatalog.JsonOptions));
        using var read = JsonDocument.Parse(Json);

        Assert.Equal(Names(read.RootElement), Names(written.RootElement));
    }

    [Fact]
    public void Form_with_explicit_nulls_for_lists_is_refused_not_thrown()
    {
        var form = JsonSerializer.Deserialize<ApplicationForm>("""{ "delmål": null, "budget": null, "declarations": null }""", RoundCatalog.JsonOptions)!;

        var result = ApplicationRules.Validate(Samples.Oslo2021, form, [], Samples.BeforeOsloDeadline);

        Assert.Contains("delmål", result.Errors.Keys);
        Assert.Contains("declarations.informationIsCorrect", result.Errors.Keys);
    }

    static List<string> Names(JsonElement element, string path = "") =>
        element.ValueKind switch
        {
            JsonValueKind.Object => [.. element.EnumerateObject().SelectMany(p => (IEnumerable<string>)[path + p.Name, .. Names(p.Value, path + p.Name + ".")]).Order(StringComparer.Ordinal)],
            JsonValueKind.Array => [.. element.EnumerateArray().Take(1).SelectMany(e => Names(e, path))],
            _ => [],
        };
}
