using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Tilskudd.Domain.Cases;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Registers;

/// <summary>
/// Enhetsregisteret's open-data API, live: <c>GET enheter/{orgnr}</c> answers 200 with the unit, 404 for a
/// number it never had, 410 Gone with <c>slettedato</c> for a deleted unit. Timeouts and retries come from the
/// HttpClient's resilience handler (<see cref="RegisterServices"/>); answers are cached, so a round's deadline
/// with hundreds of cases asks the register once per organisation. A register that stays down throws, and the
/// case's activity retry policy tries again later.
/// </summary>
public sealed partial class EnhetsregisteretClient(HttpClient http, RegisterAnswerCache cache, ILogger<EnhetsregisteretClient> logger) : IOrganisationRegister, IOrganisationRoles
{
    /// <summary>How long a found unit is believed: the register changes slowly, and the decider judges once per case.</summary>
    public static readonly TimeSpan FoundFor = TimeSpan.FromHours(6);

    /// <summary>How long "unknown" is believed: shorter, as a new organisation may be registered the same day.</summary>
    public static readonly TimeSpan UnknownFor = TimeSpan.FromMinutes(10);

    public async Task<RegisterFacts?> FindAsync(string organisationNumber, CancellationToken cancellationToken)
    {
        string number = organisationNumber.Replace(" ", "", StringComparison.Ordinal);
        if (number.Length != 9 || !number.All(char.IsAsciiDigit))
        {
            return null;
        }

        if (cache.TryGet(number, out var cached))
        {
            return cached;
        }

        var facts = await AskAsync(number, cancellationToken);
        cache.Keep(number, facts, facts is null ? UnknownFor : FoundFor);
        return facts;
    }

    async Task<RegisterFacts?> AskAsync(string number, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"enheter/{number}", UriKind.Relative), cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
            case HttpStatusCode.Gone:
                var unit = await response.Content.ReadFromJsonAsync<EnhetsregisteretUnit>(cancellationToken)
                    ?? throw new InvalidDataException($"Enhetsregisteret answered {number} with an empty body.");
                // A 410 body always carries slettedato; should it ever not, the status still says deleted.
                var facts = unit.ToFacts();
                return response.StatusCode == HttpStatusCode.Gone ? facts with { Deleted = true } : facts;
            case HttpStatusCode.NotFound:
                LogUnknown(logger, number);
                return null;
            default:
                LogFailed(logger, number, (int)response.StatusCode);
                throw new HttpRequestException($"Enhetsregisteret answered {(int)response.StatusCode} for an organisation.", null, response.StatusCode);
        }
    }

    /// <summary><c>GET enheter/{orgnr}/roller</c>: 200 with the role groups; 404 (or 410) for a unit without roles to show.</summary>
    public async Task<IReadOnlyList<Domain.People.RegisterRole>> FindRolesAsync(string organisationNumber, CancellationToken cancellationToken)
    {
        string number = organisationNumber.Replace(" ", "", StringComparison.Ordinal);
        if (number.Length != 9 || !number.All(char.IsAsciiDigit))
        {
            return [];
        }

        using var response = await http.GetAsync(new Uri($"enheter/{number}/roller", UriKind.Relative), cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return [];
        }

        if (!response.IsSuccessStatusCode)
        {
            LogFailed(logger, number, (int)response.StatusCode);
            throw new HttpRequestException($"Enhetsregisteret answered {(int)response.StatusCode} for an organisation's roles.", null, response.StatusCode);
        }

        var roles = await response.Content.ReadFromJsonAsync<EnhetsregisteretRoles>(cancellationToken);
        return roles?.Persons() ?? [];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enhetsregisteret does not know organisation {OrganisationNumber}")]
    static partial void LogUnknown(ILogger logger, string organisationNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enhetsregisteret answered {Status} for organisation {OrganisationNumber} after retries")]
    static partial void LogFailed(ILogger logger, string organisationNumber, int status);
}
