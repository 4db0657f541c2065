using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Letters;

/// <summary>
/// A letter (vedtak, tilskuddsbrev, tilbakebetalingskrav, klagevedtak) as an A4 PDF: a heading with the kind of
/// letter and the reference number, the subject, then the text of its template paragraph by paragraph, wrapped
/// to the page and carried over to new pages, with "Side n av m" at the foot.
/// </summary>
public static class LetterPdf
{
    const double Margin = 56; // about 2 cm
    const double BodySize = 10.5;
    const double LineHeight = BodySize * 1.4;

    public static byte[] Render(ArchivedLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        DebianFontResolver.Install();
        var body = new XFont(DebianFontResolver.Family, BodySize);
        var bold = new XFont(DebianFontResolver.Family, BodySize, XFontStyleEx.Bold);
        var title = new XFont(DebianFontResolver.Family, 15, XFontStyleEx.Bold);
        var small = new XFont(DebianFontResolver.Family, 8.5);

        using var document = new PdfDocument();
        document.Info.Title = letter.Subject;
        document.Info.Subject = $"{KindOf(letter.TemplateId)} {letter.Reference}";
        document.Info.Creator = "Tilskudd";

        var writer = new PageWriter(document);
        writer.Line($"{KindOf(letter.TemplateId)} · Referanse {letter.Reference}", small, XBrushes.DimGray);
        writer.Space(LineHeight);
        foreach (string line in Wrap(writer.Graphics, letter.Subject, title, writer.Width))
        {
            writer.Line(line, title, XBrushes.Black, 15 * 1.3);
        }

        writer.Space(LineHeight);
        string[] lines = letter.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string text = lines[i].TrimEnd();
            if (text.Length == 0)
            {
                writer.Space(LineHeight * 0.6);
                continue;
            }

            var font = IsHeading(text, i + 1 < lines.Length ? lines[i + 1] : "") ? bold : body;
            foreach (string line in Wrap(writer.Graphics, text, font, writer.Width))
            {
                writer.Line(line, font, XBrushes.Black);
            }
        }

        writer.Finish(small);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>The letter's kind as printed at its head, from its template.</summary>
    public static string KindOf(string templateId) => templateId switch
    {
        "vedtak-innvilget" or "vedtak-delvis-innvilget" or "vedtak-avslag" => "Vedtak om tilskudd",
        "tilskuddsbrev" => "Tilskuddsbrev",
        "tilbakebetalingskrav" => "Krav om tilbakebetaling",
        "klagevedtak" => "Vedtak i klagesak",
        _ => "Brev",
    };

    /// <summary>
    /// The templates' section headings ("Klageadgang", "Begrunnelse:", "Utbetaling") are short lines without a full
    /// stop, right above a long line of their section; a signature's short lines are not.
    /// </summary>
    static bool IsHeading(string line, string next) =>
        line.Length < 40 && !line.EndsWith('.') && !line.StartsWith('-') && next.Trim().Length > 60;

    static IEnumerable<string> Wrap(XGraphics graphics, string text, XFont font, double width)
    {
        var line = new System.Text.StringBuilder();
        foreach (string word in text.Split(' '))
        {
            string candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
            {
                yield return line.ToString();
                line.Clear().Append(word);
            }
            else
            {
                line.Clear().Append(candidate);
            }
        }

        yield return line.ToString();
    }

    /// <summary>Writes lines top to bottom, starting a new A4 page when the text reaches the foot margin.</summary>
    sealed class PageWriter
    {
        readonly PdfDocument document;
        readonly List<XGraphics> pages = [];
        double y;

        public PageWriter(PdfDocument document)
        {
            this.document = document;
            NewPage();
        }

        public XGraphics Graphics => pages[^1];

        public double Width { get; private set; }

        double Bottom { get; set; }

        public void Line(string text, XFont font, XBrush brush, double height = LineHeight)
        {
            if (y + height > Bottom)
            {
                NewPage();
            }

            Graphics.DrawString(text, font, brush, new XPoint(Margin, y), XStringFormats.TopLeft);
            y += height;
        }

        public void Space(double height) => y = Math.Min(y + height, Bottom);

        public void Finish(XFont font)
        {
            for (int i = 0; i < pages.Count; i++)
            {
                var page = document.Pages[i];
                pages[i].DrawString($"Side {i + 1} av {pages.Count}", font, XBrushes.DimGray,
                    new XPoint(page.Width.Point - Margin, page.Height.Point - (Margin / 2)), XStringFormats.BottomRight);
                pages[i].Dispose();
            }
        }

        void NewPage()
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            pages.Add(XGraphics.FromPdfPage(page));
            Width = page.Width.Point - (2 * Margin);
            Bottom = page.Height.Point - Margin;
            y = Margin;
        }
    }
}
