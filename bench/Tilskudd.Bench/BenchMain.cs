using Tilskudd.Bench.TimerFloor;

namespace Tilskudd.Bench;

/// <summary>
/// bench/run.sh: quick mode (about 5 minutes) or --full. Every figure is measured in this run,
/// side by side, on fresh in-memory Azurites on loopback; the table goes to bench/results/.
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        // Figures print the same on every machine: decimal point, no culture's separators.
        System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        int at = Array.IndexOf(args, "--role");
        if (at >= 0)
        {
            return args[at + 1] switch
            {
                TimerFloorChild.Role => await TimerFloorChild.RunAsync(args),
                Intake.IntakeFloorChild.Role => await Intake.IntakeFloorChild.RunAsync(args),
                var role => throw new ArgumentException($"Unknown role {role}."),
            };
        }

        var plan = BenchPlan.From(args);
        Infrastructure.BenchAzurite.Choose(plan.AzuriteStore);
        Infrastructure.RateLog.Every = plan.RateLogEvery;
        return await BenchRun.RunAsync(plan);
    }
}
