using ClosedXML.Excel;

namespace Tilskudd.Infrastructure.Exports;

/// <summary>
/// A stored text as a spreadsheet cell that shows it and never runs it, whatever was stored: an organisation names its
/// project, and the kommune's caseworkers and the public open the exports in Excel or LibreOffice.
/// </summary>
public static class SpreadsheetCell
{
    /// <summary>The most characters an Excel cell holds.</summary>
    public const int MaxText = 32_767;

    const string Cut = " […]";

    /// <summary>
    /// A cell starting with = + - @ (or a tab or carriage return before one) is a formula to Excel, LibreOffice and
    /// Google Sheets when they open a CSV file: <c>=HYPERLINK("http://…","Klikk")</c> in a project title would be a link
    /// in the caseworker's sheet (OWASP, "CSV injection"). Such a text gets a leading apostrophe, which the programs
    /// take as "text follows".
    /// </summary>
    public static bool StartsAFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';

    /// <summary>The text for a CSV cell: neutralised when it would start a formula.</summary>
    public static string ForCsv(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return StartsAFormula(text) ? "'" + text : text;
    }

    /// <summary>
    /// Sets an XLSX cell to the text as text: at most <see cref="MaxText"/> characters (a longer one is cut with a mark,
    /// never split inside a character), marked as text when it would read as a formula.
    /// </summary>
    public static void SetText(IXLCell cell, string text)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(text);
        cell.Value = Bounded(text);
        if (StartsAFormula(text))
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }

    static string Bounded(string text)
    {
        if (text.Length <= MaxText)
        {
            return text;
        }

        int keep = MaxText - Cut.Length;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return text[..keep] + Cut;
    }
}
