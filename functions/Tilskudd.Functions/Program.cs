using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tilskudd.Functions;
using Tilskudd.Infrastructure.Storage;

// Tilskudd.Functions: the production host. HTTP triggers forward to the Api's handlers, the
// orchestration and activity triggers to the Workflow; the Durable extension runs the engine on
// the task hub in AzureWebJobsStorage. Settings: local.settings.sample.json. Why host.json says
// what it says: docs/functions-host.md.
var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: the functions take HttpRequest and return the Api's IResult, which the
// integration executes on the request's HttpContext (FunctionsHttpProxyingMiddleware, 2.1.1).
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<SecurityHeadersMiddleware>();
builder.Services.AddTilskuddFunctions(builder.Configuration);

// Request lines carry reference numbers and round ids, never bodies; still, operators need only
// ASP.NET Core's warnings from the worker, not a line per request.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

var host = builder.Build();

// The product's tables and containers; creating what exists is a no-op, so every instance may do it.
await host.Services.GetRequiredService<StorageClients>().EnsureCreatedAsync(CancellationToken.None);
await host.RunAsync();
