using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Tilskudd.Domain.Time;

namespace Tilskudd.Domain.Rounds;

/// <summary>
/// Every scheme's rounds, made from the data files embedded in this assembly. A scheme file
/// holds the round of its base year; the round of any other grant year has every date moved by
/// the difference in years, and "{year}", "{year-1}" and "{year+1}" in its texts filled in.
/// </summary>
public static class RoundCatalog
{
    const string ResourcePrefix = "Tilskudd.Domain.Rounds.Data.";

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    static readonly Dictionary<string, SchemeFile> Files = Load();
    static readonly ConcurrentDictionary<(string SchemeId, int Year), Round> Made = new();

    public static IReadOnlyList<Scheme> Schemes { get; } =
        [.. Files.Values.OrderBy(f => f.SchemeId, StringComparer.Ordinal).Select(f => new Scheme(f.SchemeId, f.BaseYear, ForYear(f.SchemeId, f.BaseYear)))];

    public static IReadOnlyList<string> SchemeIds { get; } = [.. Schemes.Select(s => s.Id)];

    /// <summary>The historical rounds the seeds describe (Oslo 2021, Alta 2024).</summary>
    public static IReadOnlyList<Round> BaseRounds { get; } = [.. Schemes.Select(s => s.BaseRound)];

    public static bool HasScheme(string schemeId) => Files.ContainsKey(schemeId);

    /// <summary>The scheme's round for a grant year, id "{scheme}-{year}".</summary>
    /// <exception cref="ArgumentException">No scheme has that id.</exception>
    public static Round ForYear(string schemeId, int grantYear)
    {
        if (!Files.TryGetValue(schemeId, out var file))
        {
            throw new ArgumentException($"No grant scheme '{schemeId}'. Known: {string.Join(", ", Files.Keys)}.", nameof(schemeId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(grantYear, 1901);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(grantYear, 9998);
        return Made.GetOrAdd((file.SchemeId, grantYear), key => Make(file, key.Year));
    }

    /// <summary>The round with an id as <see cref="ForYear"/> makes them ("alta-2027"); null when no scheme or year fits.</summary>
    public static Round? ById(string roundId)
    {
        ArgumentNullException.ThrowIfNull(roundId);
        int dash = roundId.LastIndexOf('-');
        return dash > 0
            && int.TryParse(roundId.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int year)
            && year is > 1900 and < 9999
            && HasScheme(roundId[..dash])
                ? ForYear(roundId[..dash], year)
                : null;
    }

    /// <summary>The first grant year, from the year before <paramref name="now"/>, whose application deadline has not passed.</summary>
    public static Round CurrentRound(string schemeId, DateTimeOffset now)
    {
        int first = OsloTime.DateOf(now).Year - 1;
        for (int year = first; year <= first + 3; year++)
        {
            var round = ForYear(schemeId, year);
            if (IsOpenForApplications(round, now))
            {
                return round;
            }
        }

        throw new InvalidOperationException($"Scheme '{schemeId}' has no round open near {now:O}; its deadline lies too far from its grant year.");
    }

    /// <summary>The round takes applications until the end of its deadline day in Oslo.</summary>
    public static bool IsOpenForApplications(Round round, DateTimeOffset now) => now <= DeadlineInstant(round);

    /// <summary>The last instant applications are taken: the end of the deadline day in Oslo.</summary>
    public static DateTimeOffset DeadlineInstant(Round round) => OsloTime.EndOfDay(round.ApplicationDeadline);

    static Round Make(SchemeFile file, int grantYear)
    {
        var node = file.Round.DeepClone().AsObject();
        FillYear(node, grantYear);
        node["id"] = $"{file.SchemeId}-{grantYear}";
        node["schemeId"] = file.SchemeId;
        node["grantYear"] = grantYear;
        var round = node.Deserialize<Round>(JsonOptions)
            ?? throw new InvalidDataException($"Round data for '{file.SchemeId}' is empty.");
        return Shift(round, grantYear - file.BaseYear);
    }

    /// <summary>Every date of the round moved by whole years; a new date field must be added here.</summary>
    static Round Shift(Round round, int years) => round with
    {
        ApplicationDeadline = round.ApplicationDeadline.AddYears(years),
        Report = round.Report with { FixedDeadline = round.Report.FixedDeadline?.AddYears(years) },
        Tranches = round.Tranches with
        {
            SpringPayout = round.Tranches.SpringPayout.AddYears(years),
            AutumnPayout = round.Tranches.AutumnPayout.AddYears(years),
        },
        InterimReply = round.InterimReply with { ExpectedDecisionBy = round.InterimReply.ExpectedDecisionBy.AddYears(years) },
    };

    static void FillYear(JsonNode? node, int year)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    if (Filled(child, year) is { } text)
                    {
                        o[name] = text;
                    }
                    else
                    {
                        FillYear(child, year);
                    }
                }

                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    if (Filled(a[i], year) is { } text)
                    {
                        a[i] = text;
                    }
                    else
                    {
                        FillYear(a[i], year);
                    }
                }

                break;
        }
    }

    static string? Filled(JsonNode? node, int year) =>
        node is JsonValue value && value.TryGetValue(out string? text)
            ? text
                .Replace("{year}", Invariant(year), StringComparison.Ordinal)
                .Replace("{year-1}", Invariant(year - 1), StringComparison.Ordinal)
                .Replace("{year+1}", Invariant(year + 1), StringComparison.Ordinal)
            : null;

    static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    static Dictionary<string, SchemeFile> Load()
    {
        var assembly = typeof(RoundCatalog).Assembly;
        var files = new Dictionary<string, SchemeFile>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            var file = Read(assembly, name);
            files.Add(file.SchemeId, file);
        }

        return files;
    }

    static SchemeFile Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        var root = JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidDataException($"{name} is empty.");
        string schemeId = (string?)root["schemeId"] ?? throw new InvalidDataException($"{name} has no schemeId.");
        int baseYear = (int?)root["baseYear"] ?? throw new InvalidDataException($"{name} has no baseYear.");
        var round = root["round"]?.AsObject() ?? throw new InvalidDataException($"{name} has no round.");
        return new SchemeFile(schemeId, baseYear, round);
    }

    sealed record SchemeFile(string SchemeId, int BaseYear, JsonObject Round);
}
