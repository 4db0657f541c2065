using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Tilskudd.Api.Http;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow.Cases;

namespace Tilskudd.Local.DevClock;

/// <summary>The request to move the development clock: to an instant, or forward by a span ("30.00:00:00").</summary>
public sealed record MoveClock(DateTimeOffset? MoveTo, TimeSpan? AdvanceBy);

/// <summary>
/// <c>GET /dev/clock</c> reads the development clock; <c>POST /dev/clock</c> moves it forward and tells every
/// running case, which then does what has fallen due (reminders, letters, payouts) on its own timers.
/// Mapped only in the local host in Development.
/// </summary>
public static partial class DevClockEndpoints
{
    public static IEndpointRouteBuilder MapDevClock(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/clock", (DevClock clock) => Results.Ok(View(clock, 0))).ExcludeFromDescription();
        app.MapPost("/dev/clock", MoveAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    static async Task<IResult> MoveAsync(HttpRequest request, DevClock clock, DurableTaskClient engine, ILogger<DevClock> logger, CancellationToken cancellationToken)
    {
        MoveClock? move = null;
        try
        {
            move = await JsonSerializer.DeserializeAsync<MoveClock>(request.Body, JsonDefaults.Options, cancellationToken);
        }
        catch (JsonException)
        {
        }

        var target = move?.MoveTo ?? (move?.AdvanceBy is { } by ? clock.GetUtcNow() + by : null);
        if (target is not { } to || !clock.TryMoveTo(to))
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["moveTo"] = ["Oppgi et tidspunkt framover i tid («moveTo»: \"2027-04-16T10:00:00+02:00\") eller et tidsrom («advanceBy»: \"30.00:00:00\"). Klokken går bare framover."],
            });
        }

        int told = 0;
        var message = new CaseMessage($"clock-{clock.Offset.Ticks}", null, clock.Offset);
        var running = new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending] };
        await foreach (var instance in engine.GetAllInstancesAsync(running).WithCancellation(cancellationToken))
        {
            if (instance.Name == nameof(CaseOrchestrator))
            {
                await engine.RaiseEventAsync(instance.InstanceId, CaseMessage.EventName, message, cancellationToken);
                told++;
            }
        }

        var now = clock.GetUtcNow();
        LogMoved(logger, now, told);
        return Results.Ok(View(clock, told));
    }

    static ClockView View(DevClock clock, int casesTold) =>
        new(clock.GetUtcNow(), clock.Offset.ToString("c", CultureInfo.InvariantCulture), casesTold);

    sealed record ClockView(DateTimeOffset Now, string Offset, int CasesTold);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development clock moved to {Now}; {Cases} running cases told")]
    static partial void LogMoved(ILogger logger, DateTimeOffset now, int cases);
}
