using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Tilskudd.Api.Http;

namespace Tilskudd.Api.Security;

/// <summary>
/// How often one sender may submit applications (per signed-in user) and fetch development tokens (per
/// address), checked in the handlers so both hosts refuse alike: 429 problem+json with Retry-After. Per
/// process: on Azure each instance counts for itself, so the limits hold off a runaway script, not a
/// distributed attack (that is the front door's job).
/// </summary>
public sealed class RateLimits(RateLimitOptions options) : IDisposable
{
    readonly PartitionedRateLimiter<string> submits = PerMinute(Math.Max(1, options.SubmitsPerMinute));
    readonly PartitionedRateLimiter<string> tokens = PerMinute(Math.Max(1, options.TokensPerMinute));

    /// <summary>Null when <paramref name="userId"/> may submit now, else the 429 to answer.</summary>
    public IResult? Submit(string userId) => Take(submits, userId, "Du har sendt mange søknader på kort tid. Vent litt og prøv igjen.");

    /// <summary>Null when the request's address may have another token now, else the 429 to answer.</summary>
    public IResult? Token(HttpRequest request) =>
        Take(tokens, request?.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", "Du har bedt om mange innlogginger på kort tid. Vent litt og prøv igjen.");

    public void Dispose()
    {
        submits.Dispose();
        tokens.Dispose();
    }

    static TooManyRequests? Take(PartitionedRateLimiter<string> limiter, string key, string detail)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(10);
        return new TooManyRequests(retryAfter, Problems.Problem(StatusCodes.Status429TooManyRequests, "For mange forespørsler", detail, "rate-limited"));
    }

    static PartitionedRateLimiter<string> PerMinute(int permits) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    /// <summary>The problem with a Retry-After header in whole seconds.</summary>
    sealed class TooManyRequests(TimeSpan retryAfter, IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }
}
