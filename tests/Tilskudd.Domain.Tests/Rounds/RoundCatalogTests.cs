using System.Text.Json;
using System.Text.RegularExpressions;
using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Tests.Rounds;

public partial class RoundCatalogTests
{
    static readonly TimeSpan Summer = TimeSpan.FromHours(2);
    static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    [Fact]
    public void Both_seed_schemes_load_from_embedded_data()
    {
        Assert.Equal(["alta", "oslo"], RoundCatalog.SchemeIds);
        Assert.Equal(["alta-2024", "oslo-2021"], RoundCatalog.BaseRounds.Select(r => r.Id));
    }

    [Fact]
    public void Round_for_a_year_has_id_scheme_and_year()
    {
        var round = RoundCatalog.ForYear("alta", 2027);

        Assert.Equal("alta-2027", round.Id);
        Assert.Equal("alta", round.SchemeId);
        Assert.Equal(2027, round.GrantYear);
        Assert.Equal("ALT", round.ReferencePrefix);
    }

    [Fact]
    public void Round_for_another_year_moves_every_date_by_the_difference()
    {
        var alta = RoundCatalog.ForYear("alta", 2027);
        Assert.Equal(new DateOnly(2027, 4, 15), alta.ApplicationDeadline);
        Assert.Equal(new DateOnly(2028, 2, 1), alta.Report.FixedDeadline);
        Assert.Equal(new DateOnly(2027, 5, 15), alta.Tranches.SpringPayout);
        Assert.Equal(new DateOnly(2027, 9, 15), alta.Tranches.AutumnPayout);

        var oslo = RoundCatalog.ForYear("oslo", 2027);
        Assert.Equal(new DateOnly(2026, 11, 30), oslo.ApplicationDeadline);
        Assert.Equal(new DateOnly(2028, 2, 1), oslo.Report.FixedDeadline);
    }

    [Theory]
    [InlineData("alta", 2030)]
    [InlineData("oslo", 2019)]
    public void No_date_of_the_round_is_left_unmoved(string schemeId, int year)
    {
        var baseRound = RoundCatalog.Schemes.Single(s => s.Id == schemeId);
        int shift = year - baseRound.BaseYear;

        var before = DatesIn(baseRound.BaseRound);
        var after = DatesIn(RoundCatalog.ForYear(schemeId, year));

        Assert.Equal(before.Select(d => d.AddYears(shift)), after);
    }

    [Fact]
    public void Texts_name_the_grant_year_not_the_base_year()
    {
        var oslo = RoundCatalog.ForYear("oslo", 2027);

        Assert.Equal("Statlig tilskudd for 2027 til integreringsarbeid i regi av frivillige organisasjoner", oslo.Title);
        Assert.Contains("Må gjennomføres i Oslo i 2027.", oslo.Kinds.Single().Conditions);
        Assert.Contains(oslo.GrantTerms, t => t.Contains("1. februar 2028", StringComparison.Ordinal));
        Assert.DoesNotContain("{year", JsonSerializer.Serialize(oslo, RoundCatalog.JsonOptions), StringComparison.Ordinal);
        Assert.DoesNotContain("{year", JsonSerializer.Serialize(RoundCatalog.ForYear("alta", 2027), RoundCatalog.JsonOptions), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_scheme_is_refused() =>
        Assert.Throws<ArgumentException>(() => RoundCatalog.ForYear("bergen", 2027));

    [Fact]
    public void Scheme_ids_are_matched_without_regard_to_case() =>
        Assert.Equal("oslo-2027", RoundCatalog.ForYear("OSLO", 2027).Id);

    [Fact]
    public void Round_for_the_same_year_is_the_same_value() =>
        Assert.Same(RoundCatalog.ForYear("alta", 2026), RoundCatalog.ForYear("alta", 2026));

    [Fact]
    public void Current_round_on_25_november_2026_is_2027_for_both()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, Winter);

        Assert.Equal("oslo-2027", RoundCatalog.CurrentRound("oslo", now).Id);
        Assert.Equal("alta-2027", RoundCatalog.CurrentRound("alta", now).Id);
    }

    [Fact]
    public void Current_round_in_winter_is_oslo_next_year_and_alta_this_year()
    {
        var now = new DateTimeOffset(2026, 2, 10, 9, 0, 0, Winter);

        Assert.Equal("oslo-2027", RoundCatalog.CurrentRound("oslo", now).Id);
        Assert.Equal("alta-2026", RoundCatalog.CurrentRound("alta", now).Id);
    }

    [Fact]
    public void Current_round_moves_on_at_midnight_after_the_deadline_day()
    {
        var lastMinute = new DateTimeOffset(2026, 4, 15, 23, 59, 59, Summer);

        Assert.Equal("alta-2026", RoundCatalog.CurrentRound("alta", lastMinute).Id);
        Assert.Equal("alta-2027", RoundCatalog.CurrentRound("alta", lastMinute.AddSeconds(1)).Id);
    }

    [Fact]
    public void Current_round_on_new_years_eve_in_oslo_looks_at_oslo_date() =>
        // 23:30 UTC on 31 December is already 1 January in Oslo.
        Assert.Equal("oslo-2028", RoundCatalog.CurrentRound("oslo", new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)).Id);

    [Fact]
    public void Round_is_open_until_the_end_of_the_deadline_day_in_oslo()
    {
        var alta = RoundCatalog.ForYear("alta", 2024);

        Assert.True(RoundCatalog.IsOpenForApplications(alta, new DateTimeOffset(2024, 4, 15, 21, 59, 59, TimeSpan.Zero)));
        Assert.False(RoundCatalog.IsOpenForApplications(alta, new DateTimeOffset(2024, 4, 15, 22, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2024, 4, 16, 0, 0, 0, Summer).AddTicks(-1), RoundCatalog.DeadlineInstant(alta));
    }

    [Fact]
    public void Round_serialises_and_reads_back_with_the_same_json()
    {
        var round = RoundCatalog.ForYear("alta", 2025);
        string json = JsonSerializer.Serialize(round, RoundCatalog.JsonOptions);

        var back = JsonSerializer.Deserialize<Round>(json, RoundCatalog.JsonOptions)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, RoundCatalog.JsonOptions));
        Assert.Contains("\"kind\":\"operating\"", json, StringComparison.Ordinal);
    }

    static List<DateOnly> DatesIn(Round round) =>
        [.. IsoDate().Matches(JsonSerializer.Serialize(round, RoundCatalog.JsonOptions))
            .Select(m => DateOnly.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex("\"(\\d{4}-\\d{2}-\\d{2})\"")]
    private static partial Regex IsoDate();
}
