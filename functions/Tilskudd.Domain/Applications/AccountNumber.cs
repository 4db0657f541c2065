namespace Tilskudd.Domain.Applications;

/// <summary>
/// A Norwegian bank account number (kontonummer): eleven digits, the last a modulus 11 check digit over the
/// first ten with weights 5, 4, 3, 2, 7, 6, 5, 4, 3, 2. Typed with spaces or dots ("1503 12 34562", "1503.12.34562").
/// </summary>
public readonly record struct AccountNumber
{
    static readonly int[] Weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    AccountNumber(string digits) => Digits = digits;

    /// <summary>The eleven digits without separators, as a payment order carries them.</summary>
    public string Digits { get; }

    /// <summary>As banks print it: "1503 12 34562".</summary>
    public string Formatted => $"{Digits[..4]} {Digits[4..6]} {Digits[6..]}";

    /// <summary>
    /// For anyone but a caseworker: the last four digits only, in the printed grouping ("**** ** *4562"), enough
    /// for an organisation to recognise its account, too little to use it (a leaked page gives no account).
    /// </summary>
    public string Masked => $"**** ** *{Digits[7..]}";

    public static bool TryParse(string? text, out AccountNumber number)
    {
        string digits = WithoutSeparators(text);
        bool valid = HasElevenDigits(digits) && CheckDigit(digits) == digits[10] - '0';
        number = valid ? new AccountNumber(digits) : default;
        return valid;
    }

    public static AccountNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException("Not a valid Norwegian account number.");

    /// <summary>Eleven digits once spaces and dots are removed, whatever the check digit.</summary>
    public static bool HasElevenDigits(string? text) => WithoutSeparators(text) is { Length: 11 } digits && digits.All(char.IsAsciiDigit);

    /// <summary>The check digit for the first ten digits; null when the remainder gives 10 and no account can end them.</summary>
    public static int? CheckDigit(string firstTen) => Modulus11.CheckDigit(firstTen, Weights);

    /// <summary>The masked form: an account number is never written whole to a log or a page an applicant reads.</summary>
    public override string ToString() => Digits is null ? "" : Masked;

    static string WithoutSeparators(string? text) =>
        text is null ? "" : string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '.'));
}
