using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck.Fluent;
using Tilskudd.Api.Security;
using Tilskudd.Api.Tests.Cases;
using Tilskudd.Api.Tests.Fixtures;
using Tilskudd.Domain.People;

namespace Tilskudd.Api.Tests.Security;

/// <summary>
/// Bad input over HTTP to every route of <see cref="ApiRoutes.All"/>, each with a token of a role that may use it:
/// a corpus of nasty bodies (malformed JSON and multipart, truncated uploads, a zip bomb, wrong encodings, huge and
/// negative numbers, unicode tricks, script, path traversal in file names, duplicate fields, wrong content types)
/// and FsCheck's strings and bytes. Never a 5xx; every refusal problem+json in Norwegian; no application stored in
/// the fuzzed round; the host answers as before afterwards.
/// </summary>
public sealed class FuzzTests(TilskuddFixture fixture)
{
    const string FuzzRound = "alta-2032";

    /// <summary>Titles ASP.NET Core gives when it answers instead of our handlers: English, so not allowed.</summary>
    static readonly string[] EnglishTitles = ["Bad Request", "Unsupported Media Type", "Not Found", "Method Not Allowed", "Payload Too Large", "An error occurred while processing your request.", "Internal Server Error"];

    static readonly Lazy<byte[]> Bomb = new(ZipBomb);

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static IEnumerable<(string Name, Func<HttpContent?> Body)> Corpus()
    {
        HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");
        HttpContent Raw(byte[] bytes, string type)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            return content;
        }

        yield return ("no body", () => null);
        yield return ("empty JSON", () => Json(""));
        yield return ("truncated JSON", () => Json("{\"reason\": \"Prosjek"));
        yield return ("JSON array", () => Json("[1,2,3]"));
        yield return ("JSON null", () => Json("null"));
        yield return ("JSON string", () => Json("\"hei\""));
        yield return ("deep nesting", () => Json(new string('[', 5000) + new string(']', 5000)));
        yield return ("huge number", () => Json("{\"amount\": 1e999, \"amountUsed\": 99999999999999999999999999, \"acceptedUse\": 1e308, \"recommendedAmount\": -1e400}"));
        yield return ("negative amounts", () => Json("{\"amount\": -45000, \"acceptedUse\": -1, \"recommendedAmount\": -99, \"outcome\": \"granted\", \"consent\": true, \"upheld\": false, \"newOutcome\": \"granted\", \"newAmount\": -5}"));
        yield return ("wrong types", () => Json("{\"reason\": 12, \"amount\": \"mange\", \"outcome\": 7, \"scores\": \"alle\", \"consent\": \"ja\", \"replyBy\": \"i morgen\"}"));
        yield return ("unknown enum", () => Json("{\"outcome\": \"grantedAndMore\", \"newOutcome\": \"\\u0000\"}"));
        yield return ("duplicate fields", () => Json("{\"reason\": \"a\", \"reason\": \"b\", \"amount\": 1, \"amount\": -1}"));
        yield return ("script injection", () => Json("{\"reason\": \"<script>alert(1)</script>\", \"question\": \"<img src=x onerror=alert(1)>\", \"answer\": \"${{7*7}}\", \"description\": \"'; DROP TABLE cases; --\"}"));
        yield return ("unicode tricks", () => Json("{\"reason\": \"\\u202eevil\\u202c \\u0000 \\ufeff \\ud83d\\ude00 \\u200b\", \"description\": \"\\ud800\"}"));
        yield return ("invalid UTF-8", () => Raw([0x7b, 0x22, 0x72, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d], "application/json"));
        yield return ("UTF-16 JSON", () => Raw(Encoding.Unicode.GetBytes("{\"reason\": \"æøå\"}"), "application/json; charset=utf-16"));
        yield return ("BOM and latin-1", () => Raw([0xef, 0xbb, 0xbf, .. Encoding.Latin1.GetBytes("{\"reason\": \"blåbær\"}")], "application/json; charset=iso-8859-1"));
        yield return ("300 kB JSON", () => Json("{\"reason\": \"" + new string('x', 300_000) + "\"}"));
        yield return ("text/plain", () => new StringContent("reason=ingen", Encoding.UTF8, "text/plain"));
        yield return ("XML", () => new StringContent("<reason>ingen</reason>", Encoding.UTF8, "application/xml"));
        yield return ("form urlencoded", () => new FormUrlEncodedContent([new("reason", "x"), new("application", "{")]));
        yield return ("multipart without boundary", () => Raw(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"answer\"\r\n\r\nhei\r\n--x--"), "multipart/form-data"));
        yield return ("truncated multipart", () => Raw(Encoding.ASCII.GetBytes("--grense\r\nContent-Disposition: form-data; name=\"report\"; filename=\"rapport.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n123"), "multipart/form-data; boundary=grense"));
        yield return ("path traversal file name", () => Multipart(("answer", null, Encoding.UTF8.GetBytes("Svar")), ("report", "../../../etc/passwd.pdf", TestFiles.Pdf(2_000, seed: 9)), ("application", null, Encoding.UTF8.GetBytes("{"))));
        yield return ("backslashes in file name", () => Multipart(("accounts", "..\\..\\regnskap:$DATA.pdf", TestFiles.Pdf(2_000, seed: 8)), ("amountUsed", null, Encoding.UTF8.GetBytes("-5"))));
        yield return ("zip bomb", () => Multipart(("report", "rapport.docx", Bomb.Value), ("budget", "budsjett.docx", Bomb.Value), ("amountUsed", null, Encoding.UTF8.GetBytes("1000"))));
        yield return ("application part garbage", () => Multipart(("application", null, Encoding.UTF8.GetBytes("{\"organisation\": {\"number\": \"../../\"}, \"amountAppliedFor\": -1e99}"))));
        yield return ("file that lies about its type", () => Multipart(("application", null, Encoding.UTF8.GetBytes("{}")), ("budget", "budsjett.pdf", Encoding.UTF8.GetBytes("MZ\u0090 this is an exe"))));
    }

    public static TheoryData<string> Routes() => [.. ApiRoutes.All.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Bad_input_is_refused_in_Norwegian_and_never_breaks_the_host(string routeName)
    {
        var route = ApiRoutes.All.Single(r => r.Name == routeName);
        var http = fixture.Http;
        await EnsureFuzzRoundAsync(http);
        string reference = route.Pattern.Contains("{reference}", StringComparison.Ordinal) ? await fixture.SubmitAltaCaseAsync() : "";
        string? role = RoleFor(route.Access);
        var inputs = new List<(string Name, string Path, Func<HttpContent?> Body)>();
        foreach (string path in Paths(route, reference))
        {
            inputs.AddRange(Corpus().Select(c => (c.Name, path, c.Body)));
        }

        // FsCheck: arbitrary strings as a JSON field and as a raw body, arbitrary bytes as a file.
        var strings = ArbMap.Default.GeneratorFor<string>().Sample(40, 30);
        var bytes = ArbMap.Default.GeneratorFor<byte[]>().Sample(200, 10);
        string main = Paths(route, reference).First();
        inputs.AddRange(strings.Where(s => s is not null).Select(s => ("generated field", main, (Func<HttpContent?>)(() => new StringContent(new JsonObject { ["reason"] = s, ["answer"] = s, ["question"] = s, ["outcome"] = s }.ToJsonString(), Encoding.UTF8, "application/json")))));
        inputs.AddRange(strings.Where(s => s is not null).Select(s => ("generated body", main, (Func<HttpContent?>)(() => new StringContent(s, Encoding.UTF8, "application/json")))));
        inputs.AddRange(bytes.Where(b => b is not null).Select(b => ("generated file", main, (Func<HttpContent?>)(() => Multipart(("application", null, b), ("report", "f.pdf", b), ("answer", null, b))))));

        var wrong = new List<string>();
        foreach (var (name, path, body) in inputs)
        {
            var response = await DevSignIn.SendAsync(http, () => new HttpRequestMessage(new HttpMethod(route.Method), path) { Content = route.Method == "GET" ? null : body() }, role, UserFor(route.Access));
            using (response)
            {
                string text = await response.Content.ReadAsStringAsync(Ct);
                int status = (int)response.StatusCode;
                if (status >= 500)
                {
                    wrong.Add($"{name} {path}: {status} {Cut(text)}");
                }
                else if (status >= 400)
                {
                    string? title = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? JsonNode.Parse(text)?["title"]?.GetValue<string>() : null;
                    if (title is null || EnglishTitles.Contains(title))
                    {
                        wrong.Add($"{name} {path}: {status} {response.Content.Headers.ContentType} {Cut(text)}");
                    }
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"FUZZ {route.Name}: {inputs.Count} inputs");
        Assert.True(wrong.Count == 0, $"{route.Method} {route.Pattern}: {wrong.Count} of {inputs.Count} inputs answered wrongly:{Environment.NewLine}{string.Join(Environment.NewLine, wrong.Take(15))}");
        using var healthy = await http.GetAsync(new Uri("/api/rounds", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }

    [Fact]
    public async Task After_fuzzing_submits_the_fuzzed_round_holds_no_application_and_a_valid_one_still_goes_in()
    {
        var http = fixture.Http;
        await EnsureFuzzRoundAsync(http);
        foreach (var (_, body) in Corpus())
        {
            using var response = await DevSignIn.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, $"/api/rounds/{FuzzRound}/applications") { Content = body() }, Roles.Applicant);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
        }

        var stored = fixture.Tables.GetTableClient("applications").QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == FuzzRound, cancellationToken: Ct);
        int count = 0;
        await foreach (var _ in stored)
        {
            count++;
        }

        var (valid, _) = await http.SubmitAsync("alta-2027", ApplicationRequest.ValidAlta(await http.BudgetCategoryAsync("alta-2027")));
        Assert.Equal(0, count);
        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
    }

    static IEnumerable<string> Paths(ApiRoute route, string reference)
    {
        // The other parameters ({day}, {export}, {file}, {name}) get the odd values themselves.
        string Fill(string id, string reference, string commandId, string kommune = "5603") => route.Pattern
            .Replace("{id}", id, StringComparison.Ordinal).Replace("{reference}", reference, StringComparison.Ordinal)
            .Replace("{commandId}", commandId, StringComparison.Ordinal).Replace("{kommune}", kommune, StringComparison.Ordinal)
            .Replace("{day}", commandId, StringComparison.Ordinal).Replace("{export}", commandId, StringComparison.Ordinal)
            .Replace("{file}", commandId, StringComparison.Ordinal).Replace("{name}", commandId, StringComparison.Ordinal);

        yield return Fill(FuzzRound, reference, "k1");
        if (route.Pattern.Contains('{', StringComparison.Ordinal))
        {
            yield return Fill("..%2F..%2Falta-2027", "..%2F..%2F" + reference, "..%2F..", "..%2F..%2F5603");
            yield return Fill(new string('9', 2000), "ALT-2027-" + new string('9', 2000), new string('x', 2000), new string('9', 2000));
            // Not %00: Kestrel refuses a NUL in the path itself (a bare 400) before any application code runs.
            yield return Fill("%E2%80%AEalta-2027", "ALT%E2%80%AE-2027-0001", "%E2%80%AE", "%E2%80%AE5603");
        }

        if (route.Method == "GET")
        {
            yield return Fill(FuzzRound, reference, "k1") + "?status=%27%20or%201%20eq%201&pageSize=-1&continuationToken=%00%FF";
            yield return Fill(FuzzRound, reference, "k1") + "?status=Withdrawn&pageSize=99999999999999&continuationToken=" + new string('A', 5000);
        }
    }

    /// <summary>A caller the route lets in: the application's private-person sender, the kommune's caseworker, its administrator.</summary>
    static string? RoleFor(Access access) => access switch
    {
        Access.Anyone => null,
        Access.Applicant or Access.CaseApplicant or Access.CaseParty => Roles.Applicant,
        Access.Officer => "caseworker",
        _ => "administrator",
    };

    static string? UserFor(Access access) => access == Access.Anyone ? null : DevSignIn.DefaultUser(RoleFor(access)!);

    static async Task EnsureFuzzRoundAsync(HttpClient http)
    {
        using var opened = await http.PostJsonAsAdministratorAsync("/api/rounds", new { schemeId = "alta", grantYear = 2032 });
        Assert.True(opened.IsSuccessStatusCode);
    }

    static MultipartFormDataContent Multipart(params (string Name, string? FileName, byte[] Bytes)[] parts)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, fileName, bytes) in parts)
        {
            var part = new ByteArrayContent(bytes);
            if (fileName is null)
            {
                content.Add(part, name);
            }
            else
            {
                part.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
                content.Add(part, name, fileName);
            }
        }

        return content;
    }

    /// <summary>A DOCX-looking zip whose document unpacks to 100 MB of zeros (a few hundred kB packed).</summary>
    static byte[] ZipBomb()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (int i = 0; i < 100; i++)
            {
                document.Write(zeros);
            }
        }

        return memory.ToArray();
    }

    static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
