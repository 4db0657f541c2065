using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Registers;

/// <summary>How patiently the live client asks: per attempt, in all, and how often it tries again after a 5xx or a timeout.</summary>
/// <param name="Attempt">One request; the register usually answers in well under a second.</param>
/// <param name="Total">All attempts with their waits; past it the activity fails and its own retry policy takes over.</param>
/// <param name="Retries">Tries after the first.</param>
/// <param name="FirstDelay">Wait before the first retry, growing exponentially with jitter.</param>
public sealed record RegisterTimeouts(TimeSpan Attempt, TimeSpan Total, int Retries, TimeSpan FirstDelay)
{
    public static RegisterTimeouts Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), 3, TimeSpan.FromSeconds(1));
}

public static class RegisterServices
{
    /// <summary>The organisation register the settings select: recorded answers, or Enhetsregisteret live with timeouts, retries and a cache.</summary>
    public static IServiceCollection AddOrganisationRegister(this IServiceCollection services, RegistersOptions options, RegisterTimeouts? timeouts = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Mode == RegisterMode.Recorded)
        {
            services.AddSingleton<RecordedOrganisationRegister>();
            services.AddSingleton<IOrganisationRoles>(sp => sp.GetRequiredService<RecordedOrganisationRegister>());
            return services.AddSingleton<IOrganisationRegister>(sp => sp.GetRequiredService<RecordedOrganisationRegister>());
        }

        timeouts ??= RegisterTimeouts.Default;
        services.AddSingleton<RegisterAnswerCache>();
        services.AddHttpClient<EnhetsregisteretClient>(client =>
            {
                client.BaseAddress = options.BaseAddress;
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            })
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.AttemptTimeout.Timeout = timeouts.Attempt;
                resilience.TotalRequestTimeout.Timeout = timeouts.Total;
                resilience.Retry.MaxRetryAttempts = timeouts.Retries;
                resilience.Retry.Delay = timeouts.FirstDelay;
                resilience.Retry.BackoffType = DelayBackoffType.Exponential;
                resilience.Retry.UseJitter = true;
                // The breaker must watch at least two attempts' worth of time (the handler's own validation).
                resilience.CircuitBreaker.SamplingDuration = timeouts.Attempt * 2 > TimeSpan.FromSeconds(30) ? timeouts.Attempt * 2 : TimeSpan.FromSeconds(30);
            });
        services.AddTransient<IOrganisationRegister>(sp => sp.GetRequiredService<EnhetsregisteretClient>());
        services.AddTransient<IOrganisationRoles>(sp => sp.GetRequiredService<EnhetsregisteretClient>());
        return services;
    }
}
