using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Applications;

/// <summary>
/// The number an application is known by (referansenummer), read over the phone:
/// "{prefix}-{grant year}-{sequence}", as ALT-2027-0042. It is also the case's orchestration id.
/// </summary>
public readonly partial record struct ReferenceNumber
{
    public ReferenceNumber(string prefix, int grantYear, int sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(grantYear, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(grantYear, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        Prefix = prefix.ToUpperInvariant();
        GrantYear = grantYear;
        Sequence = sequence;
    }

    public string Prefix { get; }

    public int GrantYear { get; }

    /// <summary>The application's number within its round, from 1.</summary>
    public int Sequence { get; }

    public static ReferenceNumber For(Round round, int sequence) => new(round.ReferencePrefix, round.GrantYear, sequence);

    public static bool TryParse([NotNullWhen(true)] string? text, out ReferenceNumber reference)
    {
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (match.Success
            && int.TryParse(match.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            && int.TryParse(match.Groups["sequence"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int sequence)
            && sequence > 0)
        {
            reference = new ReferenceNumber(match.Groups["prefix"].Value, year, sequence);
            return true;
        }

        reference = default;
        return false;
    }

    public static ReferenceNumber Parse(string text) =>
        TryParse(text, out var reference) ? reference : throw new FormatException($"'{text}' is not a reference number like ALT-2027-0042.");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{GrantYear}-{Sequence:0000}");

    [GeneratedRegex("^(?<prefix>[A-Z]{2,5})-(?<year>[0-9]{4})-(?<sequence>[0-9]{4,9})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
