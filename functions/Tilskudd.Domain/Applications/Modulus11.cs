namespace Tilskudd.Domain.Applications;

/// <summary>
/// The modulus 11 check digit Norwegian registers use (organisasjonsnummer, kontonummer): the weighted sum of the
/// digits before it, 11 minus its remainder, 11 giving 0; a remainder giving 10 means no valid number ends those digits.
/// </summary>
public static class Modulus11
{
    public static int? CheckDigit(string digits, int[] weights)
    {
        ArgumentNullException.ThrowIfNull(digits);
        ArgumentNullException.ThrowIfNull(weights);
        int sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        return (11 - (sum % 11)) switch
        {
            11 => 0,
            10 => null,
            int digit => digit,
        };
    }
}
