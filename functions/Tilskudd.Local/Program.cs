using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Tilskudd.Api;
using Tilskudd.Api.Cases;
using Tilskudd.Api.Rounds;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Local.DevClock;
using Tilskudd.Local.DevMail;
using Tilskudd.Local.DevToken;
using Tilskudd.Local.Engine;
using Tilskudd.Workflow;

// Tilskudd.Local: the whole product in one process — the Api on Kestrel, the Durable Task
// worker and client, and the engine's sidecar over the Azure Storage provider (Azurite here).
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = Tilskudd.Api.Applications.SubmittedForm.MaxBodyBytes);

builder.Services.AddTilskudd(builder.Configuration);
builder.Services.AddTilskuddOpenApi();
if (builder.Environment.IsDevelopment())
{
    // The development clock: real time, or from Tilskudd:DevClock:StartAt on; moved by POST /dev/clock.
    var startOffset = builder.Configuration["Tilskudd:DevClock:StartAt"] is { Length: > 0 } startAt
        ? DateTimeOffset.Parse(startAt, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow
        : TimeSpan.Zero;
    var devClock = new DevClock(startOffset);
    builder.Services.AddSingleton(devClock);
    builder.Services.AddSingleton<TimeProvider>(devClock);
}

builder.Services.AddValidatedOptions<EngineOptions>(builder.Configuration, EngineOptions.Section)
    .Validate(o => !string.IsNullOrWhiteSpace(o.TaskHub) && o.PartitionCount is >= 1 and <= 16, "Tilskudd:Engine needs a TaskHub and a PartitionCount from 1 to 16.");
builder.Services.AddSingleton(sp =>
{
    var engine = sp.GetRequiredService<EngineOptions>();
    return new EngineSidecar(engine, engine.ConnectionString ?? sp.GetRequiredService<StorageOptions>().ConnectionString, sp.GetRequiredService<ILoggerFactory>());
});
// Registered before the worker: hosted services start in order, so the engine listens before the worker connects.
builder.Services.AddHostedService(sp => sp.GetRequiredService<EngineSidecar>());
builder.Services.AddDurableTaskWorker(worker =>
{
    worker.UseGrpc();
    worker.AddTasks(WorkflowRegistry.Register);
});
builder.Services.AddOptions<Microsoft.DurableTask.Worker.Grpc.GrpcDurableTaskWorkerOptions>()
    .Configure<EngineSidecar>((options, engine) => options.Channel = engine.Channel);
builder.Services.AddDurableTaskClient(client => client.UseGrpc());
builder.Services.AddOptions<Microsoft.DurableTask.Client.Grpc.GrpcDurableTaskClientOptions>()
    .Configure<EngineSidecar>((options, engine) => options.Channel = engine.Channel);

bool devMail = builder.Configuration.GetValue("Tilskudd:Mail:UseLocalSink", builder.Environment.IsDevelopment());
if (devMail)
{
    builder.Services.AddSingleton<DevMailbox>();
}

var app = builder.Build();
app.Use((context, next) =>
{
    Tilskudd.Api.Security.SecurityHeaders.OnStarting(context);
    return next(context);
});
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapTilskudd();
app.MapApplicantPages();
app.MapApiDocument();
if (devMail)
{
    app.MapDevMail();
}

if (app.Environment.IsDevelopment())
{
    app.MapDevClock();
    app.MapDevToken();
}

try
{
    await app.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(app.Lifetime.ApplicationStopping);
    await app.Services.GetRequiredService<RoundDirectory>().OpenCurrentRoundsAsync(app.Lifetime.ApplicationStopping);
}
catch (Exception e) when (e is Azure.RequestFailedException or AggregateException { InnerException: Azure.RequestFailedException })
{
    Tilskudd.Local.LocalHostLog.StorageUnreachable(app.Logger, e);
    await app.DisposeAsync(); // flushes the console log
    return 1;
}

Tilskudd.Local.LocalHostLog.Ready(app.Logger);
await app.RunAsync();
return 0;

public partial class Program;
