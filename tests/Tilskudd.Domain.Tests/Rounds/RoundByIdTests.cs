using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Tests.Rounds;

public sealed class RoundByIdTests
{
    [Theory]
    [InlineData("alta-2027", "alta", 2027)]
    [InlineData("oslo-2021", "oslo", 2021)]
    public void A_round_id_gives_that_scheme_and_year(string id, string scheme, int year)
    {
        var round = RoundCatalog.ById(id);

        Assert.NotNull(round);
        Assert.Equal(scheme, round.SchemeId);
        Assert.Equal(year, round.GrantYear);
        Assert.Equal(id, round.Id);
    }

    [Theory]
    [InlineData("bodo-2027")]
    [InlineData("alta")]
    [InlineData("alta-twenty")]
    [InlineData("-2027")]
    public void An_id_that_names_no_round_gives_none(string id) => Assert.Null(RoundCatalog.ById(id));
}
