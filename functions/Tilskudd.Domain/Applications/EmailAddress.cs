namespace Tilskudd.Domain.Applications;

/// <summary>
/// Whether a typed e-mail address has the shape of one: name@domain.tld, no spaces. That is all
/// intake can know; whether mail arrives is seen when the confirmation is sent.
/// </summary>
public static class EmailAddress
{
    public static bool IsValid(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 254 || text.Any(char.IsWhiteSpace))
        {
            return false;
        }

        int at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != text.LastIndexOf('@'))
        {
            return false;
        }

        string domain = text[(at + 1)..];
        return domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.')
            && !domain.EndsWith('.')
            && !domain.Contains("..", StringComparison.Ordinal)
            && !text[..at].EndsWith('.');
    }
}
