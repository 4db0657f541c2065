using System.Reflection;
using System.Text.Json;
using Tilskudd.Domain.Cases;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Registers;

/// <summary>
/// The registers as recorded answers (invented organisations in Enhetsregisteret's JSON shape), for the
/// local host and tests: this machine cannot reach Brønnøysundregistrene. An organisation without a
/// recorded answer is one the register does not know. Production asks the live API (<see cref="EnhetsregisteretClient"/>, selected by <see cref="RegistersOptions.Mode"/>).
/// </summary>
public sealed class RecordedOrganisationRegister : IOrganisationRegister, IOrganisationRoles
{
    const string Prefix = "Tilskudd.Infrastructure.Registers.Recorded.";
    const string RolesPrefix = "Tilskudd.Infrastructure.Registers.Roller.";

    static readonly Dictionary<string, RegisterFacts> Recorded = Load();

    static readonly Dictionary<string, IReadOnlyList<Domain.People.RegisterRole>> RecordedRoles = LoadRoles();

    public Task<RegisterFacts?> FindAsync(string organisationNumber, CancellationToken cancellationToken) =>
        Task.FromResult(Recorded.GetValueOrDefault(organisationNumber.Replace(" ", "", StringComparison.Ordinal)));

    public Task<IReadOnlyList<Domain.People.RegisterRole>> FindRolesAsync(string organisationNumber, CancellationToken cancellationToken) =>
        Task.FromResult(RecordedRoles.GetValueOrDefault(organisationNumber.Replace(" ", "", StringComparison.Ordinal)) ?? []);

    static Dictionary<string, IReadOnlyList<Domain.People.RegisterRole>> LoadRoles()
    {
        var assembly = typeof(RecordedOrganisationRegister).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(RolesPrefix, StringComparison.Ordinal))
            .ToDictionary(
                name => name[RolesPrefix.Length..^".json".Length],
                name =>
                {
                    using var stream = assembly.GetManifestResourceStream(name)!;
                    return (JsonSerializer.Deserialize<EnhetsregisteretRoles>(stream) ?? new EnhetsregisteretRoles([])).Persons();
                });
    }

    static Dictionary<string, RegisterFacts> Load()
    {
        var assembly = typeof(RecordedOrganisationRegister).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(name => Read(assembly, name).ToFacts())
            .ToDictionary(facts => facts.OrganisationNumber);
    }

    static EnhetsregisteretUnit Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<EnhetsregisteretUnit>(stream)
            ?? throw new InvalidDataException($"Recorded register answer {name} is empty.");
    }
}
