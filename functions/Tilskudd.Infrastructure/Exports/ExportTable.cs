using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace Tilskudd.Infrastructure.Exports;

/// <summary>One export of a round (applications, grants, payouts, reports): Norwegian column names and rows, as XLSX or CSV.</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>Semicolon-separated UTF-8 with a byte order mark, so Excel in a Norwegian locale opens it with æøå intact.</summary>
    public byte[] ToCsv()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" }))
        {
            foreach (string header in Headers)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in Rows)
            {
                foreach (object? cell in row)
                {
                    csv.WriteField(cell is string stored ? SpreadsheetCell.ForCsv(stored) : Text(cell));
                }

                csv.NextRecord();
            }
        }

        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One sheet named like the export, a bold header row, amounts as numbers and dates as dates.</summary>
    public byte[] ToXlsx()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(Name);
        for (int c = 0; c < Headers.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = Headers[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
        }

        for (int r = 0; r < Rows.Count; r++)
        {
            for (int c = 0; c < Rows[r].Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (Rows[r][c])
                {
                    case long amount:
                        cell.Value = amount;
                        cell.Style.NumberFormat.Format = "# ##0";
                        break;
                    case int count:
                        cell.Value = count;
                        break;
                    case DateOnly date:
                        cell.Value = date.ToDateTime(TimeOnly.MinValue);
                        cell.Style.DateFormat.Format = "dd.MM.yyyy";
                        break;
                    case var other:
                        SpreadsheetCell.SetText(cell, Text(other));
                        break;
                }
            }
        }

        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    static string Text(object? cell) => cell switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
