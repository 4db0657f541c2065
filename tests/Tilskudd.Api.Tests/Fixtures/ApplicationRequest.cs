using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Tilskudd.Api.Tests.Fixtures;

/// <summary>An application as an organisation sends it: the JSON form and its files, ready to tweak.</summary>
sealed class ApplicationRequest
{
    public required JsonObject Form { get; init; }

    public List<(string Part, string FileName, byte[] Bytes)> Files { get; } = [];

    public string? IdempotencyKey { get; set; }

    /// <summary>Sent instead of <see cref="Form"/> when set, to send a form that is not JSON.</summary>
    public string? RawForm { get; set; }

    /// <summary>A project in Alta 2027 by an invented organisation with two employees (so a skatteattest is attached).</summary>
    public static ApplicationRequest ValidAlta(string budgetCategory, int grantYear = 2027)
    {
        var request = new ApplicationRequest
        {
            Form = new JsonObject
            {
                ["organisation"] = new JsonObject { ["number"] = Organisations.Number("91234568"), ["name"] = "Nordlys Flerkulturelle Forening", ["email"] = "post@nordlys.example.org", ["accountNumber"] = "1503 12 34562" },
                ["contact"] = new JsonObject { ["name"] = "Kari Testesen", ["email"] = "kari@nordlys.example.org" },
                ["submittedAs"] = "organisation",
                ["kind"] = "project",
                ["delmål"] = new JsonArray("A"),
                ["targetGroups"] = new JsonArray("Voksne med innvandrerbakgrunn"),
                ["project"] = new JsonObject
                {
                    ["title"] = "Språkkafé i Alta",
                    ["description"] = "Ukentlig språkkafé der nye og gamle innbyggere møtes og snakker norsk sammen.",
                    ["start"] = $"{grantYear}-05-01",
                    ["end"] = $"{grantYear}-12-15",
                    ["place"] = "Alta bibliotek",
                },
                ["budget"] = new JsonArray(
                    new JsonObject { ["category"] = budgetCategory, ["description"] = "Husleie og kaffe", ["amount"] = 30000 },
                    new JsonObject { ["category"] = budgetCategory, ["description"] = "Honorar frivillige koordinatorer", ["amount"] = 20000 }),
                ["amountAppliedFor"] = 45000,
                ["numberOfEmployees"] = 2,
                ["declarations"] = new JsonObject
                {
                    ["noImdiFundingForSameActivity"] = true,
                    ["informationIsCorrect"] = true,
                    ["approvedByLeader"] = true,
                },
            },
        };
        request.Files.Add(("budget", "budsjett 2027.pdf", TestFiles.Pdf(200_000, seed: 2)));
        request.Files.Add(("skatteattest", "skatteattest.pdf", TestFiles.Pdf(100_000, seed: 3)));
        return request;
    }

    /// <summary>A project in Oslo 2027 sent by a private person who typed the organisation's number.</summary>
    public static ApplicationRequest ValidOsloAsPrivatePerson(string budgetCategory, int grantYear = 2027)
    {
        var request = ValidAlta(budgetCategory, grantYear);
        request.Form["organisation"] = new JsonObject { ["number"] = Organisations.Number("81234567"), ["name"] = "Grünerløkka Samtalegruppe", ["email"] = "styret@samtale.example.org", ["accountNumber"] = "1234.56.78903" };
        request.Form["contact"] = new JsonObject { ["name"] = "Ola Prøvesen", ["email"] = "ola@privat.example.org" };
        request.Form["submittedAs"] = "privatePerson";
        request.Form["delmål"] = new JsonArray("B", "D");
        request.Form["project"]!["place"] = "Oslo, bydel Grünerløkka";
        request.Form["numberOfEmployees"] = 0;
        request.Files.RemoveAll(f => f.Part == "skatteattest");
        return request;
    }

    public MultipartFormDataContent ToContent()
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(RawForm ?? Form.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), "application" },
        };
        foreach (var (part, fileName, bytes) in Files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, part, fileName);
        }

        return content;
    }

    public HttpRequestMessage ToHttp(string roundId)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/api/rounds/{roundId}/applications") { Content = ToContent() };
        if (IdempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", IdempotencyKey);
        }

        return message;
    }
}
