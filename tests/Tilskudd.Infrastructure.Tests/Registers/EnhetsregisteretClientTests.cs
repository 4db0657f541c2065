using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tilskudd.Infrastructure.Registers;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Tests.Registers;

/// <summary>The live Enhetsregisteret client, wired as the hosts wire it, against the recorded answers served over HTTP.</summary>
public sealed class EnhetsregisteretClientTests : IAsyncLifetime
{
    const string Oslo = "812345672";
    const string Alta = "912345688";
    const string NotInFrivillighetsregisteret = "998877660";
    const string Deleted = "811222348";
    const string Bankrupt = "811222356";
    const string Unknown = "811222364";

    // Short retry delays, but attempts long enough for a loaded machine to get an answer from a register on loopback:
    // with 300 ms attempts a run at load 40 timed out and retried a request the register had answered, and counted 3.
    static readonly RegisterTimeouts Quick = new(Attempt: TimeSpan.FromSeconds(10), Total: TimeSpan.FromSeconds(40), Retries: 3, FirstDelay: TimeSpan.FromMilliseconds(20));

    RecordedRegisterServer server = null!;
    ServiceProvider services = null!;

    IOrganisationRegister Register => services.GetRequiredService<IOrganisationRegister>();

    public async ValueTask InitializeAsync()
    {
        server = await RecordedRegisterServer.StartAsync();
        services = new ServiceCollection()
            .AddLogging(logging => logging.ClearProviders())
            .AddOrganisationRegister(new RegistersOptions { Mode = RegisterMode.Live, BaseAddress = server.BaseAddress }, Quick)
            .BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public void Live_mode_selects_the_live_client_and_recorded_mode_the_recorded_answers()
    {
        using var recorded = new ServiceCollection().AddOrganisationRegister(new RegistersOptions()).BuildServiceProvider();

        Assert.IsType<EnhetsregisteretClient>(Register);
        Assert.IsType<RecordedOrganisationRegister>(recorded.GetRequiredService<IOrganisationRegister>());
    }

    [Fact]
    public async Task A_registered_organisation_is_read_with_its_kommune_founding_date_form_and_frivillighetsregisteret_flag()
    {
        var oslo = await Register.FindAsync(Oslo, TestContext.Current.CancellationToken);
        var alta = await Register.FindAsync("912 345 688", TestContext.Current.CancellationToken);

        Assert.NotNull(oslo);
        Assert.Equal("GRÜNERLØKKA SAMTALEGRUPPE", oslo.Name);
        Assert.Equal("0301", oslo.KommuneNumber);
        Assert.Equal(new DateOnly(2019, 6, 12), oslo.FoundedOn);
        Assert.True(oslo.InFrivillighetsregisteret);
        Assert.Equal("FLI", oslo.OrganisationForm);
        Assert.False(oslo.Deleted || oslo.Bankrupt);
        Assert.Equal("5603", alta?.KommuneNumber);
    }

    [Fact]
    public async Task The_live_client_reads_every_recorded_answer_as_the_recorded_register_does()
    {
        var recorded = new RecordedOrganisationRegister();
        string[] numbers = [Oslo, Alta, NotInFrivillighetsregisteret, Deleted, Bankrupt, "987654325"];

        foreach (string number in numbers)
        {
            var live = await Register.FindAsync(number, TestContext.Current.CancellationToken);
            Assert.Equal(await recorded.FindAsync(number, TestContext.Current.CancellationToken), live);
        }
    }

    [Fact]
    public async Task A_deleted_unit_answered_410_gone_and_a_bankrupt_one_are_flagged()
    {
        var deleted = await Register.FindAsync(Deleted, TestContext.Current.CancellationToken);
        var bankrupt = await Register.FindAsync(Bankrupt, TestContext.Current.CancellationToken);

        Assert.True(deleted?.Deleted);
        Assert.True(bankrupt?.Bankrupt);
        Assert.False(bankrupt?.Deleted);
    }

    [Fact]
    public async Task An_unknown_organisation_is_null_and_is_not_asked_again_within_the_cache_time()
    {
        var first = await Register.FindAsync(Unknown, TestContext.Current.CancellationToken);
        var second = await Register.FindAsync(Unknown, TestContext.Current.CancellationToken);

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(1, server.RequestsFor(Unknown));
    }

    [Fact]
    public async Task A_found_organisation_is_asked_for_once_however_many_cases_look_it_up()
    {
        for (int i = 0; i < 5; i++)
        {
            Assert.NotNull(await Register.FindAsync(Alta, TestContext.Current.CancellationToken));
        }

        Assert.Equal(1, server.RequestsFor(Alta));
    }

    [Fact]
    public async Task Two_500s_are_retried_and_the_third_answer_is_used()
    {
        server.FailNext(Oslo, 2);

        var facts = await Register.FindAsync(Oslo, TestContext.Current.CancellationToken);

        Assert.Equal("0301", facts?.KommuneNumber);
        Assert.Equal(3, server.RequestsFor(Oslo));
    }

    [Fact]
    public async Task A_register_that_keeps_answering_500_fails_the_lookup_after_its_retries_and_is_not_cached()
    {
        server.FailNext(NotInFrivillighetsregisteret, 4);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Register.FindAsync(NotInFrivillighetsregisteret, TestContext.Current.CancellationToken));
        Assert.Equal(4, server.RequestsFor(NotInFrivillighetsregisteret));

        // The activity's own retry later finds the register well again: the failure was not remembered.
        var facts = await Register.FindAsync(NotInFrivillighetsregisteret, TestContext.Current.CancellationToken);
        Assert.False(facts?.InFrivillighetsregisteret);
    }

    [Fact]
    public async Task A_register_that_does_not_answer_times_out_within_the_total_timeout()
    {
        // Attempts of 2 s (room for a loaded machine to get a request through), four of them, capped at 5 s in all:
        // the total, not the attempts, ends the lookup, long before the register's 30 s answer.
        var patient = new RegisterTimeouts(Attempt: TimeSpan.FromSeconds(2), Total: TimeSpan.FromSeconds(5), Retries: 3, FirstDelay: TimeSpan.FromMilliseconds(20));
        await using var wired = new ServiceCollection()
            .AddLogging(logging => logging.ClearProviders())
            .AddOrganisationRegister(new RegistersOptions { Mode = RegisterMode.Live, BaseAddress = server.BaseAddress }, patient)
            .BuildServiceProvider();
        server.Delay(Bankrupt, TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<Polly.Timeout.TimeoutRejectedException>(() => wired.GetRequiredService<IOrganisationRegister>().FindAsync(Bankrupt, TestContext.Current.CancellationToken));

        // Not a speed goal: the bound is the register's 30 s, which a lookup without the total timeout would wait out.
        Assert.InRange(clock.Elapsed, patient.Total - TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(20));
        Assert.InRange(server.RequestsFor(Bankrupt), 1, 1 + patient.Retries);
    }

    [Fact]
    public async Task The_organisations_roles_are_the_persons_the_register_names_and_the_recorded_answers_agree()
    {
        var roles = services.GetRequiredService<IOrganisationRoles>();
        using var recorded = new ServiceCollection().AddOrganisationRegister(new RegistersOptions()).BuildServiceProvider();

        var live = await roles.FindRolesAsync(Alta, TestContext.Current.CancellationToken);
        var none = await roles.FindRolesAsync(Unknown, TestContext.Current.CancellationToken);

        Assert.Contains(new Tilskudd.Domain.People.RegisterRole("Styrets leder", "Kari Testesen"), live);
        Assert.Contains(new Tilskudd.Domain.People.RegisterRole("Styremedlem", "Ingrid Marie Eksempel"), live);
        Assert.Empty(none);
        Assert.Equal(live, await recorded.GetRequiredService<IOrganisationRoles>().FindRolesAsync(Alta, TestContext.Current.CancellationToken));
    }
}
