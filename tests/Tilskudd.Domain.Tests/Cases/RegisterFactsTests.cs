using Tilskudd.Domain.Cases;
using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Tests.Cases;

public sealed class RegisterFactsTests
{
    static readonly Round Alta = RoundCatalog.ForYear("alta", 2027);

    static RegisterFacts Nordlys(string kommune = "5603", bool deleted = false, bool bankrupt = false, bool frivillig = true) =>
        new("912345688", "Nordlys Flerkulturelle Forening", frivillig, kommune, new DateOnly(2015, 3, 1), deleted, bankrupt);

    [Fact]
    public void A_registered_organisation_in_the_rounds_kommune_meets_both_requirements()
    {
        var command = RegisterFacts.ToCommand(Nordlys(), Alta);

        Assert.True(command.InFrivillighetsregisteret);
        Assert.True(command.RegisteredInKommune);
        Assert.Equal(new DateOnly(2015, 3, 1), command.FoundedOn);
        Assert.Equal(ActorRole.System, command.By.Role);
    }

    [Fact]
    public void An_organisation_registered_in_another_kommune_is_not_registered_in_the_rounds() =>
        Assert.False(RegisterFacts.ToCommand(Nordlys(kommune: "0301"), Alta).RegisteredInKommune);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void A_deleted_or_bankrupt_organisation_counts_as_not_registered(bool deleted, bool bankrupt)
    {
        var command = RegisterFacts.ToCommand(Nordlys(deleted: deleted, bankrupt: bankrupt), Alta);

        Assert.False(command.InFrivillighetsregisteret);
        Assert.False(command.RegisteredInKommune);
    }

    [Fact]
    public void An_organisation_the_register_does_not_know_meets_neither_requirement()
    {
        var command = RegisterFacts.ToCommand(null, Alta);

        Assert.False(command.InFrivillighetsregisteret);
        Assert.False(command.RegisteredInKommune);
        Assert.Null(command.FoundedOn);
    }
}
