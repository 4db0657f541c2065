namespace Tilskudd.Infrastructure.Mail;

/// <summary>How mail leaves the product: SendGrid's v3 API, or a compatible sink locally.</summary>
public sealed class MailOptions
{
    public const string Section = "Tilskudd:Mail";

    /// <summary>The SendGrid API key (a secret: from Key Vault or user secrets, never from a committed file).</summary>
    public string SendGridApiKey { get; set; } = "";

    /// <summary>Base address of the v3 API; null for SendGrid itself, the local host's own address for its sink.</summary>
    public string? SendGridHost { get; set; }

    public string FromAddress { get; set; } = "tilskudd@example.org";

    public string FromName { get; set; } = "Tilskudd";

    /// <summary>
    /// How long after taking a mail the service's activity feed may still not list it. A send whose end was lost is
    /// not repeated before then (SendGrid: minutes; the local sink lists a mail at once, 0).
    /// </summary>
    public TimeSpan ActivityFeedLag { get; set; } = TimeSpan.FromMinutes(10);
}
