using System.Net.Http.Headers;
using Tilskudd.Bench.Infrastructure;

namespace Tilskudd.Bench.Intake;

/// <summary>
/// The application every intake run sends: docs/examples/soknad-alta.json (Alta 2027, org number
/// 912345688) with a 200 KB budget PDF and a 100 KB skatteattest, as issue 18 asks.
/// </summary>
public sealed class ApplicationPayload
{
    public const string RoundId = "alta-2027";
    public const int BudgetBytes = 200 * 1024;
    public const int SkatteattestBytes = 100 * 1024;

    ApplicationPayload(string formJson, byte[] budget, byte[] skatteattest)
    {
        FormJson = formJson;
        Budget = budget;
        Skatteattest = skatteattest;
    }

    public string FormJson { get; }

    public byte[] Budget { get; }

    public byte[] Skatteattest { get; }

    public static ApplicationPayload Load() =>
        new(File.ReadAllText(RepoPaths.ExampleApplication), Pdf(BudgetBytes, seed: 2), Pdf(SkatteattestBytes, seed: 3));

    /// <summary>The multipart body as an organisation's browser sends it.</summary>
    public MultipartFormDataContent ToContent()
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(FormJson, System.Text.Encoding.UTF8, "application/json"), "application" },
        };
        foreach (var (part, fileName, bytes) in new[] { ("budget", "budsjett 2027.pdf", Budget), ("skatteattest", "skatteattest.pdf", Skatteattest) })
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, part, fileName);
        }

        return content;
    }

    /// <summary>Random bytes behind a PDF header: the intake checks the type by content, not the whole file.</summary>
    static byte[] Pdf(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }
}
