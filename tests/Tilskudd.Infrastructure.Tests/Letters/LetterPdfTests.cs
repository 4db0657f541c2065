using System.Diagnostics;
using Tilskudd.Infrastructure.Cases;
using Tilskudd.Infrastructure.Letters;
using Tilskudd.Testing;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Tests.Letters;

/// <summary>
/// Letters as a person gets them: rendered to PDF from the templates' own snapshot texts, page 1 turned into a
/// PNG with pdftoppm (kept in TestResults/letters for a person to look at) and the text read back with pdftotext.
/// </summary>
public sealed class LetterPdfTests(StorageFixture storage)
{
    static readonly string Snapshots = Path.Combine(RepoPaths.Root, "tests", "Tilskudd.Domain.Tests", "Templates", "Snapshots");
    static readonly string Artifacts = Path.Combine(RepoPaths.Root, "TestResults", "letters");

    [Fact]
    public async Task A_decision_letter_reads_with_its_reference_amount_and_klage_paragraph()
    {
        var letter = Letter("alta-2024.vedtak-innvilget.txt", "ALT-2024-0042", "vedtak-innvilget");

        string text = await ReadBackAsync(LetterPdf.Render(letter), "vedtak-innvilget");

        Assert.Contains("Vedtak om tilskudd · Referanse ALT-2024-0042", text, StringComparison.Ordinal);
        Assert.Contains("Dere får kr 50 000 i tilskudd", text, StringComparison.Ordinal);
        Assert.Contains("Klageadgang", text, StringComparison.Ordinal);
        Assert.Contains("Klagefristen er 3 uker fra dette brevet ble sendt", Unwrapped(text), StringComparison.Ordinal);
        Assert.Contains("forvaltningsloven §§ 28–30", Unwrapped(text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grant_letter_lists_its_vilkår_and_tranches()
    {
        var letter = Letter("alta-2024.tilskuddsbrev.txt", "ALT-2024-0042", "tilskuddsbrev");

        string text = Unwrapped(await ReadBackAsync(LetterPdf.Render(letter), "tilskuddsbrev"));

        Assert.Contains("Tilskuddsbrev · Referanse ALT-2024-0042", text, StringComparison.Ordinal);
        Assert.Contains("Tilskuddet gis på disse vilkårene", text, StringComparison.Ordinal);
        Assert.Contains("Vårtermin: kr 25 000 den 15. mai 2024", text, StringComparison.Ordinal);
        Assert.Contains("Høsttermin: kr 25 000 den 15. september 2024", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repayment_claim_reads_with_its_reference_and_amount()
    {
        var letter = Letter("oslo-2021.tilbakebetalingskrav.txt", "OSL-2021-0007", "tilbakebetalingskrav");
        string claimed = letter.Text.Split('\n').First(l => l.Contains("kr ", StringComparison.Ordinal));

        string text = Unwrapped(await ReadBackAsync(LetterPdf.Render(letter), "tilbakebetalingskrav"));

        Assert.Contains("Krav om tilbakebetaling · Referanse OSL-2021-0007", text, StringComparison.Ordinal);
        Assert.Contains(claimed.Trim(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_letter_runs_onto_a_second_page_numbered_side_2_av_2()
    {
        var letter = Letter("alta-2024.vedtak-innvilget.txt", "ALT-2024-0042", "vedtak-innvilget");
        letter = letter with { Text = string.Join("\n\n", Enumerable.Repeat(letter.Text, 3)) };

        string text = await ReadBackAsync(LetterPdf.Render(letter), "vedtak-lang", allPages: true);

        Assert.Contains("Side 1 av 2", text, StringComparison.Ordinal);
        Assert.Contains("Side 2 av 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_archive_keeps_the_pdf_next_to_the_case_and_lists_it()
    {
        var archive = new BlobLetterArchive(storage.Storage);
        string reference = $"ALT-2024-{Random.Shared.Next(1000, 9999)}";
        var letter = Letter("alta-2024.vedtak-innvilget.txt", reference, "vedtak-innvilget") with { LetterId = $"{reference}/7/brev-vedtak-innvilget" };

        _ = await archive.StoreAsync(letter, TestContext.Current.CancellationToken);
        var stored = await archive.StoreAsync(letter, TestContext.Current.CancellationToken);
        var listed = await archive.ListAsync(reference, TestContext.Current.CancellationToken);
        var opened = await archive.OpenAsync(reference, stored.FileName, TestContext.Current.CancellationToken);

        Assert.Equal("vedtak-innvilget-7.pdf", stored.FileName);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(stored.Content, 0, 5));
        var only = Assert.Single(listed);
        Assert.Equal(("vedtak-innvilget-7.pdf", "Vedtak om tilskudd"), (only.FileName, only.Kind));
        Assert.Equal(stored.Content, opened?.Content);
        Assert.Null(await archive.OpenAsync(reference, "../annen-sak.pdf", TestContext.Current.CancellationToken));
    }

    static ArchivedLetter Letter(string snapshot, string reference, string templateId)
    {
        string[] parts = File.ReadAllText(Path.Combine(Snapshots, snapshot)).Split("----- html -----")[0].Split('\n', 2);
        string subject = parts[0].Replace("Emne: ", "", StringComparison.Ordinal).Replace("ALT-2024-0042", reference, StringComparison.Ordinal).Trim();
        string text = parts[1].Trim().Replace("ALT-2024-0042", reference, StringComparison.Ordinal);
        return new ArchivedLetter(reference, $"{reference}/1/brev-{templateId}", templateId, subject, text);
    }

    /// <summary>Writes the PDF and page 1 as a PNG to TestResults/letters, and returns the text pdftotext reads.</summary>
    static async Task<string> ReadBackAsync(byte[] pdf, string name, bool allPages = false)
    {
        Directory.CreateDirectory(Artifacts);
        string file = Path.Combine(Artifacts, name + ".pdf");
        await File.WriteAllBytesAsync(file, pdf, TestContext.Current.CancellationToken);

        await RunAsync("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(Artifacts, name));
        Assert.True(new FileInfo(Path.Combine(Artifacts, name + ".png")).Length > 10_000, "Page 1 rendered to an almost empty image.");

        string[] range = allPages ? [] : ["-f", "1", "-l", "1"];
        return await RunAsync("pdftotext", [.. range, "-layout", file, "-"]);
    }

    /// <summary>The text with line breaks and runs of spaces made single spaces, as a wrapped paragraph reads.</summary>
    static string Unwrapped(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start: install poppler-utils (test.sh does).");
        string output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        string error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{program} failed: {error}");
        return output;
    }
}
