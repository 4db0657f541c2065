using System.Globalization;

namespace Tilskudd.Domain.Text;

/// <summary>
/// How amounts and dates read in Norwegian user texts: "kr 10 000", "15. april 2024".
/// Fixed here rather than taken from the nb-NO culture, whose separators differ between ICU versions.
/// </summary>
public static class NorwegianFormat
{
    static readonly string[] Months =
        ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

    static readonly NumberFormatInfo Grouping = new() { NumberGroupSeparator = " ", NumberGroupSizes = [3], NegativeSign = "-" };

    /// <summary>Whole kroner with a space between thousands: "kr 1 000 000".</summary>
    public static string Kroner(long amount) => "kr " + Number(amount);

    /// <summary>A whole number with a space between thousands: "286 390".</summary>
    public static string Number(long value) => value.ToString("#,0", Grouping);

    /// <summary>A file size in megabytes (1 MB = 1 048 576 bytes), rounded up to one decimal: "20 MB", "20,1 MB".</summary>
    public static string Megabytes(long bytes)
    {
        decimal tenths = Math.Ceiling(bytes * 10m / (1024 * 1024));
        return (tenths / 10).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + " MB";
    }

    /// <summary>A date as written in letters: "15. april 2024".</summary>
    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day}. {Months[date.Month - 1]} {date.Year}");

    /// <summary>A date without its year: "1. februar".</summary>
    public static string DayAndMonth(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day}. {Months[date.Month - 1]}");
}
