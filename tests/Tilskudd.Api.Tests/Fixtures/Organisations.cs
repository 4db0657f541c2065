namespace Tilskudd.Api.Tests.Fixtures;

/// <summary>Invented organisation numbers with valid mod-11 check digits.</summary>
static class Organisations
{
    static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];

    public static string Number(string firstEight)
    {
        int sum = firstEight.Select((c, i) => (c - '0') * Weights[i]).Sum();
        int check = 11 - (sum % 11);
        check = check == 11 ? 0 : check;
        if (check == 10)
        {
            throw new ArgumentException($"{firstEight} has no valid check digit; pick other digits.", nameof(firstEight));
        }

        return firstEight + check;
    }

    public static string WithWrongCheckDigit(string firstEight)
    {
        string valid = Number(firstEight);
        return valid[..8] + (char)('0' + ((valid[8] - '0' + 1) % 10));
    }
}
