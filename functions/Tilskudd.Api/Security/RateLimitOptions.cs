namespace Tilskudd.Api.Security;

/// <summary>How many applications one signed-in user may submit, and how many development tokens one address may fetch, per minute (section Tilskudd:RateLimits).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Tilskudd:RateLimits";

    public int SubmitsPerMinute { get; set; } = 20;

    public int TokensPerMinute { get; set; } = 60;
}
