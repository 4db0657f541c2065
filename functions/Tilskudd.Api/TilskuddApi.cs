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
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(storage);
        // A missing SendGrid key fails the host at start, not the first receipt mail hours later.
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.SendGridApiKey), "Tilskudd:Mail:SendGridApiKey is not set: mail cannot be sent.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value);
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
        services.AddSingleton(configuration.GetSection(SignInOptions.Section).Get<SignInOptions>() ?? new SignInOptions());
        services.AddSingleton<DevTokens>();
        services.AddSingleton(sp => new SignIn(sp.GetRequiredService<SignInOptions>(), sp.GetRequiredService<DevTokens>(), sp.GetService<IHostEnvironment>()));
        services.AddSingleton<RouteAccess>();
        services.AddSingleton<ReadLog>();
        services.AddSingleton(configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions());
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
        services.AddOrganisationRegister(configuration.GetSection(RegistersOptions.Section).Get<RegistersOptions>() ?? new RegistersOptions());

        services.AddWorkflowActivities();
        return services;
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
                endpoint.WithDescription(RouteDescriptions.CommandDescription);
            }

            route.Describe?.Invoke(endpoint);
        }

        return app;
    }
}
