using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Tilskudd.Api.Security;

namespace Tilskudd.Functions;

/// <summary>The HTTP functions' answers carry <see cref="SecurityHeaders"/>, as Tilskudd.Local's do.</summary>
public sealed class SecurityHeadersMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (context?.GetHttpContext() is { } http)
        {
            SecurityHeaders.OnStarting(http);
        }

        return next(context!);
    }
}
