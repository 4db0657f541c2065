using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace Tilskudd.Bench.Infrastructure;

/// <summary>
/// A process the bench starts and watches: the Tilskudd.Local host, or the bench itself in a child
/// role (a floor runs in its own process so its memory and CPU are its own). A child marks moments
/// by printing "##MARK name" and hands its figures back as "##RESULT {json}".
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    public const string MarkPrefix = "##MARK ";
    public const string ResultPrefix = "##RESULT ";

    readonly Process process;
    readonly ConcurrentQueue<string> output = new();
    readonly TaskCompletionSource<string> result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    ChildProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public string Output => string.Join(Environment.NewLine, output.TakeLast(60));

    /// <summary>Starts the bench's own assembly in a child role.</summary>
    public static ChildProcess StartRole(string role, IEnumerable<string> args, IDictionary<string, string> environment, Timeline? timeline, bool echo)
    {
        string dll = Assembly.GetEntryAssembly()!.Location;
        return Start(dll, ["--role", role, .. args], environment, timeline, echo, Path.GetDirectoryName(dll)!);
    }

    public static ChildProcess Start(string dll, IEnumerable<string> args, IDictionary<string, string> environment, Timeline? timeline, bool echo, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{dll} did not start.");
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, timeline, echo);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, timeline, echo);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    void OnLine(string? line, Timeline? timeline, bool echo)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith(MarkPrefix, StringComparison.Ordinal))
        {
            timeline?.Add(line[MarkPrefix.Length..].Trim());
            return;
        }

        if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
        {
            result.TrySetResult(line[ResultPrefix.Length..]);
            return;
        }

        output.Enqueue(line);
        if (echo)
        {
            Console.WriteLine("    | " + line);
        }
    }

    /// <summary>The child's result line; fails if the child exits without one or the time runs out.</summary>
    public async Task<string> ResultAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var exited = process.WaitForExitAsync(cts.Token);
        var done = await Task.WhenAny(result.Task, exited);
        if (done == result.Task)
        {
            return await result.Task;
        }

        // The result line may be read just after the exit is seen.
        await Task.Delay(500, CancellationToken.None);
        if (result.Task.IsCompleted)
        {
            return await result.Task;
        }

        throw new InvalidOperationException(cts.IsCancellationRequested
            ? $"The child did not finish within {timeout}:{Environment.NewLine}{Output}"
            : $"The child exited with {process.ExitCode} before its result:{Environment.NewLine}{Output}");
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}

/// <summary>What a child process writes for the bench to read.</summary>
public static class ChildOutput
{
    public static void Mark(string name) => Console.Out.WriteLine(ChildProcess.MarkPrefix + name);

    public static void Result(string json) => Console.Out.WriteLine(ChildProcess.ResultPrefix + json);
}
