using System.Globalization;
using System.Reflection;
using Tilskudd.Local.Engine;

namespace Tilskudd.Bench.Infrastructure;

/// <summary>
/// Engine settings to try, as "Name=value" over <see cref="EngineOptions"/>' properties, so a new
/// setting added there can be tuned here without code: run.sh --tune takes them from a list.
/// </summary>
public sealed record EngineSettings(string Label, IReadOnlyDictionary<string, string> Overrides)
{
    /// <summary>EngineOptions' defaults as they were before the benchmark tuned them (commit 64ce75d).</summary>
    public static EngineSettings Before { get; } = new("before tuning", new Dictionary<string, string>
    {
        [nameof(EngineOptions.PartitionCount)] = "4",
        [nameof(EngineOptions.MaxQueuePollingInterval)] = "00:00:01",
        [nameof(EngineOptions.MaxConcurrentOrchestrations)] = "8",
        [nameof(EngineOptions.MaxConcurrentActivities)] = "16",
        [nameof(EngineOptions.ControlQueueBatchSize)] = "32",
        [nameof(EngineOptions.ControlQueueBufferThreshold)] = "64",
        [nameof(EngineOptions.ExtendedSessionsEnabled)] = "false",
    });

    /// <summary>EngineOptions' defaults as the code has them now: what Tilskudd.Local runs with.</summary>
    public static EngineSettings Current { get; } = new("current defaults", new Dictionary<string, string>());

    public EngineOptions Apply(EngineOptions options)
    {
        foreach (var (name, value) in Overrides)
        {
            var property = typeof(EngineOptions).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new ArgumentException($"EngineOptions has no setting {name}.");
            object parsed = property.PropertyType switch
            {
                var t when t == typeof(int) => int.Parse(value, CultureInfo.InvariantCulture),
                var t when t == typeof(bool) => bool.Parse(value),
                var t when t == typeof(TimeSpan) => TimeSpan.Parse(value, CultureInfo.InvariantCulture),
                var t when t == typeof(string) => value,
                var t => throw new ArgumentException($"Setting {name} of type {t.Name} cannot be set from text."),
            };
            property.SetValue(options, parsed);
        }

        return options;
    }

    /// <summary>The effective engine settings in one line, for the results table.</summary>
    public string Describe()
    {
        var o = Apply(new EngineOptions());
        return $"P={o.PartitionCount} orch={o.MaxConcurrentOrchestrations} act={o.MaxConcurrentActivities} " +
            $"batch={o.ControlQueueBatchSize} buffer={o.ControlQueueBufferThreshold} " +
            $"poll={o.MaxQueuePollingInterval.TotalMilliseconds:0}ms ext={(o.ExtendedSessionsEnabled ? "on" : "off")}";
    }

    public IEnumerable<string> ToArgs() => Overrides.SelectMany(kv => new[] { "--set", $"{kv.Key}={kv.Value}" });

    public static EngineSettings Parse(string label, IEnumerable<string> assignments) =>
        new(label, assignments.Select(a => a.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim()));
}
