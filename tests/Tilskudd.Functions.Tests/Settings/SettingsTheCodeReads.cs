using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tilskudd.Api.Security;
using Tilskudd.Infrastructure.Mail;
using Tilskudd.Infrastructure.Registers;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Functions.Tests.Settings;

/// <summary>
/// Every app setting the Functions host and the product read, found where they are read: the option
/// classes the Api binds (their public settable properties under their Section), host.json's
/// %references% and connection name, and the Functions runtime's own settings.
/// </summary>
public static partial class SettingsTheCodeReads
{
    /// <summary>The option classes <c>TilskuddApi.AddTilskudd</c> binds from configuration.</summary>
    static readonly (string Section, Type Type)[] BoundOptions = [(StorageOptions.Section, typeof(StorageOptions)), (MailOptions.Section, typeof(MailOptions)), (RegistersOptions.Section, typeof(RegistersOptions)), (SignInOptions.Section, typeof(SignInOptions)), (RateLimitOptions.Section, typeof(RateLimitOptions))];

    /// <summary>Read by the Functions runtime itself, whatever the app.</summary>
    public static IReadOnlyList<string> Runtime { get; } =
    [
        "FUNCTIONS_WORKER_RUNTIME",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    /// <summary>
    /// The parts of an identity-based connection the runtime reads (X__credential, ...) when there is
    /// no connection string X. Only these: a misspelt part would be read by nobody.
    /// </summary>
    public static IReadOnlyList<string> IdentityConnectionParts { get; } =
        ["credential", "clientId", "blobServiceUri", "queueServiceUri", "tableServiceUri"];

    static readonly JsonElement Host = Parse(Path.Combine(AppContext.BaseDirectory, "host.json"));

    /// <summary>Connections: the runtime's own storage, which host.json also names as the task hub's.</summary>
    public static IReadOnlyList<string> Connections { get; } =
        new[] { "AzureWebJobsStorage", Host.GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider").GetProperty("connectionName").GetString()! }
            .Distinct().ToList();

    /// <summary>The option classes' settings as app settings ("Tilskudd:Mail:FromName" is spelt Tilskudd__Mail__FromName).</summary>
    public static IReadOnlyList<string> Options { get; } = [.. BoundOptions.SelectMany(o => o.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite)
        .Select(p => $"{o.Section}:{p.Name}".Replace(":", "__", StringComparison.Ordinal)))];

    /// <summary>host.json's %Setting% references (the task hub name).</summary>
    public static IReadOnlyList<string> HostJson { get; } = [.. Reference().Matches(Host.GetRawText()).Select(m => m.Groups[1].Value).Distinct()];

    /// <summary>Every setting read, connections counted by their name.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Runtime.Concat(Connections).Concat(HostJson).Concat(Options).Distinct()];

    /// <summary>True when <paramref name="settings"/> give <paramref name="setting"/>: by name, or for a connection by an identity-based part.</summary>
    public static bool Gives(IEnumerable<string> settings, string setting) =>
        settings.Any(s => s == setting || (Connections.Contains(setting) && IsConnectionPart(s, setting)));

    /// <summary>True when some code reads <paramref name="setting"/>: one of <see cref="All"/> or a part of a connection.</summary>
    public static bool IsRead(string setting) =>
        All.Contains(setting) || Connections.Any(connection => IsConnectionPart(setting, connection));

    static bool IsConnectionPart(string setting, string connection) =>
        IdentityConnectionParts.Any(part => setting == $"{connection}__{part}");

    static JsonElement Parse(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex Reference();
}
