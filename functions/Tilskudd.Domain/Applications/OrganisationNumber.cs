namespace Tilskudd.Domain.Applications;

/// <summary>
/// An organisasjonsnummer from Enhetsregisteret: nine digits, the last a modulus 11 check digit
/// over the first eight with weights 3, 2, 7, 6, 5, 4, 3, 2. Spaces are allowed when typed ("923 609 016").
/// </summary>
public readonly record struct OrganisationNumber
{
    static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];

    OrganisationNumber(string digits) => Digits = digits;

    /// <summary>The nine digits without spaces.</summary>
    public string Digits { get; }

    /// <summary>As Brønnøysundregistrene print it: "923 609 016".</summary>
    public string Formatted => $"{Digits[..3]} {Digits[3..6]} {Digits[6..]}";

    public static bool TryParse(string? text, out OrganisationNumber number)
    {
        string digits = WithoutSpaces(text);
        bool valid = HasNineDigits(digits) && CheckDigit(digits) == digits[8] - '0';
        number = valid ? new OrganisationNumber(digits) : default;
        return valid;
    }

    public static OrganisationNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException($"'{text}' is not a valid organisation number.");

    /// <summary>Nine digits once spaces are removed, whatever the check digit.</summary>
    public static bool HasNineDigits(string? text) => WithoutSpaces(text) is { Length: 9 } digits && digits.All(char.IsAsciiDigit);

    /// <summary>The check digit for the first eight digits; null when the remainder gives 10 and no number can end them.</summary>
    public static int? CheckDigit(string firstEight) => Modulus11.CheckDigit(firstEight, Weights);

    public override string ToString() => Digits ?? "";

    static string WithoutSpaces(string? text) =>
        text is null ? "" : string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
