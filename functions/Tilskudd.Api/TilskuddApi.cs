using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tilskudd.Api.Applications;
using Tilskudd.Api.Cases;
using Tilskudd.Api.Exports;
using Tilskudd.Api.Letters;
using Tilskudd.Api.Payouts;
using Tilskudd.Api.Registers;
using Tilskudd.Api.Rounds;
using Tilskudd.Api.Security;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Attachments;
using Tilskudd.Infrastructure.Cases;
using Tilskudd.Infrastructure.Mail;
using Tilskudd.Infrastructure.Payouts;
using Tilskudd.Infrastructure.Registers;
using Tilskudd.Infrastructure.Rounds;
using Tilskudd.Infrastructure.Storage;
using Tilskudd.Workflow;
using Tilskudd.Workflow.Mail;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Api;

/// <summary>What both hosts need from the Api: its services, and its routes mapped once.</summary>
public static class TilskuddApi
{
    /// <summary>Registers storage, mail, rounds, intake and the workflow's activities with their ports.</summary>
    public static IServiceCollection AddTilskudd(this IServiceCollection services, IConfiguration configuration)
    {
        // Every section bound and checked when the host starts: a wrong setting stops it with the setting's name,
        // not the first request that needs it hours later.
        services.AddValidatedOptions<StorageOptions>(configuration, StorageOptions.Section)
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.ConnectionString) || (o.BlobServiceUri is { IsAbsoluteUri: true } && o.TableServiceUri is { IsAbsoluteUri: true }),
                "Tilskudd:Storage needs a ConnectionString, or both BlobServiceUri and TableServiceUri as absolute URIs.");
        services.AddValidatedOptions<SignInOptions>(configuration, SignInOptions.Section)
            .Validate(
                o => string.Equals(o.Mode, SignInOptions.JwtMode, StringComparison.OrdinalIgnoreCase) || o.UsesAppService,
                $"Tilskudd:SignIn:Mode must be {SignInOptions.JwtMode} or {SignInOptions.AppServiceMode}.")
            .Validate(
                o => o.Authority is null || Uri.TryCreate(o.Authority, UriKind.Absolute, out _),
                "Tilskudd:SignIn:Authority must be an absolute URI (the OpenID Connect issuer).");
        services.AddValidatedOptions<RateLimitOptions>(configuration, RateLimitOptions.Section)
            .Validate(o => o.SubmitsPerMinute > 0 && o.TokensPerMinute > 0, "Tilskudd:RateLimits: SubmitsPerMinute and TokensPerMinute must be above 0.");
        services.AddValidatedOptions<RegistersOptions>(configuration, RegistersOptions.Section)
            .Validate(o => Enum.IsDefined(o.Mode), "Tilskudd:Registers:Mode must be Recorded or Live.")
            .Validate(
                o => o.BaseAddress is { IsAbsoluteUri: true } address && address.AbsoluteUri.EndsWith('/'),
                "Tilskudd:Registers:BaseAddress must be an absolute URI ending in a slash.");
        // A missing SendGrid key fails the host at start, not the first receipt mail hours later.
        services.AddValidatedOptions<MailOptions>(configuration, MailOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.SendGridApiKey), "Tilskudd:Mail:SendGridApiKey is not set: mail cannot be sent.");
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(json => JsonDefaults.Configure(json.SerializerOptions));
        services.AddProblemDetails();

        services.AddSingleton<StorageClients>();
        services.AddSingleton<ReferenceSequence>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<AttachmentLinks>();
        services.AddSingleton<ApplicationStore>();
        services.AddSingleton<RoundStore>();
        services.AddSingleton<RoundDirectory>();
        services.AddSingleton<IntakeService>();
        services.AddSingleton<CaseCommands>();
        services.AddSingleton<CaseFiles>();
        services.AddSingleton<DevTokens>();
        services.AddSingleton(sp => new SignIn(sp.GetRequiredService<SignInOptions>(), sp.GetRequiredService<DevTokens>(), sp.GetService<IHostEnvironment>()));
        services.AddSingleton<RouteAccess>();
        services.AddSingleton<ReadLog>();
        services.AddSingleton<RateLimits>();

        services.AddHttpClient(nameof(SendGridMailSender));
        services.AddSingleton<IMailSender>(sp => new SendGridMailSender(
            sp.GetRequiredService<MailOptions>(), sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SendGridMailSender))));
        services.AddSingleton<IMailLedger, TableMailLedger>();
        services.AddSingleton<IMailRenderer, TemplateMailRenderer>();
        services.AddSingleton<PotLedger>();
        services.AddSingleton<IPotLedger>(sp => sp.GetRequiredService<PotLedger>());
        services.AddSingleton<TableCaseViews>();
        services.AddSingleton<ICaseViews>(sp => sp.GetRequiredService<TableCaseViews>());
        services.AddSingleton<BlobLetterArchive>();
        services.AddSingleton<ILetterArchive>(sp => sp.GetRequiredService<BlobLetterArchive>());
        services.AddSingleton<IPayoutRegister, TablePayoutRegister>();
        services.AddSingleton<ICaseworkerInbox, TableCaseworkerInbox>();
        services.AddSingleton<PaymentFiles>();
        services.AddSingleton<RoundSources>();
        // Which register is chosen when the services are composed; the same section is validated at start above.
        var registers = new RegistersOptions();
        configuration.GetSection(RegistersOptions.Section).Bind(registers);
        services.AddOrganisationRegister(registers);

        services.AddWorkflowActivities();
        return services;
    }

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to its section, validated when the host starts (ValidateOnStart), and makes
    /// its value injectable as itself; the caller adds the checks.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>
    /// Maps the route table in one loop, every route through the one admission step (<see cref="RouteAccess.UseAdmission"/>),
    /// which runs after routing and before the route's handler.
    /// </summary>
    public static TApp MapTilskudd<TApp>(this TApp app)
        where TApp : IApplicationBuilder, IEndpointRouteBuilder
    {
        RouteAccess.UseAdmission(app);
        foreach (var route in ApiRoutes.All)
        {
            var endpoint = app.MapMethods(route.Pattern, [route.Method], route.Handler)
                .WithName(route.Name)
                .WithMetadata(route)
                .WithTags(route.Tag)
                .WithSummary(route.Summary);
            if (route.Tag is RouteDescriptions.Applicant or RouteDescriptions.Caseworker)
            {
                endpoint.WithDescription(RouteDescriptions.CommandDescription)
                    .Produces<CommandAnswer>(StatusCodes.Status200OK)
                    .Produces<PendingCommand>(StatusCodes.Status202Accepted);
            }
            else if (route.Files.Count > 0)
            {
                endpoint.Produces(StatusCodes.Status200OK, null, route.Files[0], [.. route.Files.Skip(1)]);
            }
            else
            {
                endpoint.Produces(StatusCodes.Status200OK, route.Answer);
            }

            foreach (int status in RouteDescriptions.ProblemsOf(route))
            {
                endpoint.ProducesProblem(status);
            }

            route.Describe?.Invoke(endpoint);
        }

        return app;
    }
}
