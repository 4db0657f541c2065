using Tilskudd.Bench.Intake;
using Tilskudd.Bench.Report;
using Tilskudd.Bench.TimerFloor;

namespace Tilskudd.Bench;

/// <summary>Runs the plan's scenarios one after the other and writes the results table.</summary>
public static class BenchRun
{
    public static async Task<int> RunAsync(BenchPlan plan)
    {
        var started = DateTime.UtcNow;
        Console.WriteLine($"Tilskudd bench, {plan.Mode} mode");
        IntakeRun? host = null, floor = null, floorEtag = null;
        if (plan.Intake)
        {
            Console.WriteLine("Intake (issue 18, item 1)");
            host = await IntakeScenario.RunHostAsync(plan.IntakeLevels);
            floor = await IntakeScenario.RunFloorAsync(plan.IntakeLevels);
            // What-if, same levels: the floor taking reference numbers the way the host does.
            floorEtag = await IntakeScenario.RunFloorAsync(plan.IntakeLevels, etagSequence: true);
        }

        var timerRows = new List<TimerFloorRow>();
        if (plan.Timer)
        {
            Console.WriteLine("Timer floor (issue 18, item 3)");
            double parkRateGuess = 40;
            foreach (var settings in plan.TimerSettings)
            {
                try
                {
                    var row = await TimerFloorScenario.RunAsync(settings, plan.TimerOrchestrations, parkRateGuess, plan.TimerCap);
                    timerRows.Add(row);
                    parkRateGuess = Math.Max(5, row.ParkRate * 0.85);
                }
                catch (Exception e)
                {
                    Console.WriteLine($"    {settings.Label} failed: {e.Message}");
                }
            }
        }

        IReadOnlyList<Lifecycle.LifecycleResult> lives = [];
        if (plan.Lifecycle)
        {
            Console.WriteLine("Storage requests per case (issue 18, item 2)");
            lives = await Lifecycle.LifecycleScenario.RunAsync();
        }

        var storms = new List<(Storm.StormRow, TimerFloorRow?)>();
        foreach (int n in plan.StormSizes ?? [])
        {
            Console.WriteLine($"Reminder storm beside its floor, N = {n} (issue 18, item 3)");
            var storm = await Storm.ReminderStormScenario.RunAsync(n, plan.StormParkRate, plan.TimerCap);
            TimerFloorRow? stormFloor = null;
            try
            {
                stormFloor = await TimerFloorScenario.RunAsync(Infrastructure.EngineSettings.Current, n, 40, plan.TimerCap);
            }
            catch (Exception e)
            {
                Console.WriteLine($"    floor failed: {e.Message}");
            }

            storms.Add((storm, stormFloor));
        }

        IReadOnlyList<Growth.GrowthRow> growth = [];
        if (plan.GrowthSizes is { } sizes)
        {
            Console.WriteLine("Growth (issue 18, item 5)");
            growth = await Growth.GrowthScenario.RunAsync(sizes, intakeCount: 160, stormCases: 200, plan.TimerCap, seedBudget: TimeSpan.FromMinutes(30));
        }

        IReadOnlyList<AzuriteProbe.ProbeRow> probe = [];
        if (plan.AzuriteProbeSizes is { } probeSizes)
        {
            Console.WriteLine("Azurite alone (issue 18, item 5: what grows)");
            probe = await AzuriteProbe.AzuriteProbeScenario.RunAsync(probeSizes);
        }

        string markdown = ResultsReport.Write(plan, started, DateTime.UtcNow, host, floor, floorEtag, timerRows);
        if (lives.Count > 0)
        {
            markdown += Environment.NewLine + Lifecycle.LifecycleReport.Write(lives, Lifecycle.LifecycleReport.ReadBaseline(plan.LifecycleBaseline), plan.LifecycleBaseline);
        }

        if (storms.Count > 0)
        {
            markdown += Environment.NewLine + Storm.StormReport.Write(storms);
        }

        if (growth.Count > 0)
        {
            markdown += Environment.NewLine + Growth.GrowthReport.Write(growth);
        }

        if (probe.Count > 0)
        {
            markdown += Environment.NewLine + AzuriteProbe.AzuriteProbeScenario.Write(probe);
        }

        Directory.CreateDirectory(Infrastructure.RepoPaths.Results);
        string path = Path.Combine(Infrastructure.RepoPaths.Results, plan.ResultName + ".md");
        if (lives.Count > 0)
        {
            await File.WriteAllTextAsync(Path.ChangeExtension(path, ".json"), Lifecycle.LifecycleReport.ToJson(lives));
        }

        await File.WriteAllTextAsync(path, markdown);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Written to {Path.GetRelativePath(Infrastructure.RepoPaths.Root, path)}");
        return 0;
    }
}
