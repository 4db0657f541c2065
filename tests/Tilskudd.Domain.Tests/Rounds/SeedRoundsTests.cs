using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Tests.Rounds;

/// <summary>The base rounds hold what the two seeds say.</summary>
public class SeedRoundsTests
{
    static readonly Round Oslo = RoundCatalog.ForYear("oslo", 2021);
    static readonly Round Alta = RoundCatalog.ForYear("alta", 2024);

    [Fact]
    public void Oslo_has_four_delmål_a_to_d()
    {
        Assert.Equal(["A", "B", "C", "D"], Oslo.Delmål.Select(d => d.Code));
        Assert.All(Oslo.Delmål, d => Assert.NotEmpty(d.Supports));
        Assert.All(Oslo.Delmål, d => Assert.NotEmpty(d.TargetGroups));
    }

    [Fact]
    public void Alta_has_three_delmål_a_to_c()
    {
        Assert.Equal(["A", "B", "C"], Alta.Delmål.Select(d => d.Code));
        Assert.Equal([5, 5, 18], Alta.Delmål.Select(d => d.Supports.Count));
    }

    [Fact]
    public void Alta_weighs_ten_criteria_and_three_more_for_asylum_receptions()
    {
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"K{i}"), Alta.Criteria.Select(c => c.Code));
        Assert.Equal(["M1", "M2", "M3"], Alta.AsylumReceptionCriteria.Select(c => c.Code));
    }

    [Fact]
    public void Oslo_criteria_are_the_seeds_criteria_for_applying()
    {
        Assert.Equal(["K1", "K2", "K3"], Oslo.Criteria.Select(c => c.Code));
        Assert.Empty(Oslo.AsylumReceptionCriteria);
    }

    [Fact]
    public void Both_grant_between_10000_and_1000000()
    {
        Assert.Equal(new AmountLimits(10_000, 1_000_000), Oslo.Amounts);
        Assert.Equal(new AmountLimits(10_000, 1_000_000), Alta.Amounts);
    }

    [Fact]
    public void Alta_2024_distributes_286390_kroner_by_15_april()
    {
        Assert.Equal(286_390, Alta.Pot);
        Assert.Equal(new DateOnly(2024, 4, 15), Alta.ApplicationDeadline);
    }

    [Fact]
    public void Oslo_2021_has_no_pot_and_an_assumed_deadline_of_30_november_2020()
    {
        Assert.Null(Oslo.Pot);
        Assert.Equal(new DateOnly(2020, 11, 30), Oslo.ApplicationDeadline);
        Assert.Contains(Oslo.Assumptions, a => a.Contains("30. november", StringComparison.Ordinal));
    }

    [Fact]
    public void Owners_are_the_kommune_units_with_function_addresses()
    {
        Assert.Equal(("Oslo kommune", "0301", "tilskudd@vel.oslo.kommune.no"), (Oslo.Owner.Kommune, Oslo.Owner.KommuneNumber, Oslo.Owner.Email));
        Assert.StartsWith("Velferdsetaten", Oslo.Owner.Unit, StringComparison.Ordinal);
        Assert.StartsWith("Byråd for arbeid, integrering og sosiale tjenester", Oslo.Owner.DecisionMaker, StringComparison.Ordinal);
        Assert.Equal(("Alta kommune", "5603", "Alta integrering og kompetansesenter", "aik@alta.kommune.no"),
            (Alta.Owner.Kommune, Alta.Owner.KommuneNumber, Alta.Owner.Unit, Alta.Owner.Email));
    }

    [Fact]
    public void Report_is_due_1_february_after_the_grant_year_with_audit_from_100000()
    {
        Assert.Equal(new DateOnly(2022, 2, 1), Oslo.Report.DeadlineFor(new DateOnly(2021, 3, 1)));
        Assert.Equal(new DateOnly(2025, 2, 1), Alta.Report.DeadlineFor(new DateOnly(2024, 5, 10)));
        Assert.True(Oslo.Report.RequiresAuditedAccounts(100_000));
        Assert.False(Alta.Report.RequiresAuditedAccounts(99_999));
    }

    [Fact]
    public void Alta_grant_above_30000_is_split_in_two_tranches()
    {
        Assert.False(Alta.Tranches.IsSplit(30_000));
        Assert.True(Alta.Tranches.IsSplit(30_001));
        Assert.False(Oslo.Tranches.IsSplit(1_000_000));
    }

    [Fact]
    public void Appeal_window_is_three_weeks_moved_to_the_next_working_day()
    {
        Assert.Equal(3, Alta.Appeal.Weeks);
        Assert.Equal(new DateOnly(2024, 5, 31), Alta.Appeal.DeadlineFor(new DateOnly(2024, 5, 10)));
        // Three weeks after 27 April 2024 is Saturday 18 May; 19 and 20 May are pinse.
        Assert.Equal(new DateOnly(2024, 5, 21), Alta.Appeal.DeadlineFor(new DateOnly(2024, 4, 27)));
    }

    [Fact]
    public void Eligibility_follows_each_seed()
    {
        Assert.Equal(new EligibilityRule(true, false, null, "Oslo"), Oslo.Eligibility);
        Assert.Equal(new EligibilityRule(true, true, 1, "Alta kommune"), Alta.Eligibility with { OrganisationForms = null });
        // Alta: "Kun lokale frivillige organisasjoner, foreninger, stiftelser eller aksjeselskap kan søke om tilskudd."
        Assert.Equal(["FLI", "STI", "AS"], Alta.Eligibility.OrganisationForms);
    }

    [Fact]
    public void Oslo_offers_projects_only_and_alta_also_operating_support()
    {
        Assert.Equal([ApplicationKind.Project], Oslo.Kinds.Select(k => k.Kind));
        var operating = Alta.FindKind(ApplicationKind.Operating)!;
        Assert.Equal(20, operating.MinimumPayingMembers);
        Assert.True(operating.RequiresMembershipList);
        Assert.True(operating.ExcludesFaithCommunitiesWithOtherStateSupport);
    }

    [Fact]
    public void Alta_does_not_support_the_seeds_exclusions()
    {
        Assert.Equal(
            ["investeringer", "offentlig-ansatte", "utenfor-norge", "generell-drift", "imdi-dobbeltfinansiering", "tros-og-livssyn-drift", "rettet-mot-det-offentlige", "norskopplaering"],
            Alta.NotSupported.Select(e => e.Code));
        Assert.Contains(Oslo.NotSupported, e => e.Code == "utenfor-oslo");
    }

    [Fact]
    public void Intake_switches_are_data()
    {
        Assert.Equal(new IntakeRule(PeriodWithinGrantYear: true), Oslo.Intake);
        Assert.Equal(new IntakeRule(PeriodWithinGrantYear: false, RequiresLeaderApproval: true, ReceptionContactRequired: true), Alta.Intake);
    }

    [Fact]
    public void Attachments_are_limited_to_20_mb_each_and_50_mb_in_all()
    {
        foreach (var round in new[] { Oslo, Alta })
        {
            Assert.Equal(20L * 1024 * 1024, round.Attachments.MaxFileBytes);
            Assert.Equal(50L * 1024 * 1024, round.Attachments.MaxTotalBytes);
            Assert.Equal(20, round.Attachments.MaxFiles);
            Assert.True(round.Attachments.SkatteattestWhenEmployees);
        }
    }

    [Fact]
    public void Time_limits_are_set_for_both()
    {
        foreach (var round in new[] { Oslo, Alta })
        {
            Assert.Equal((10, 21, 14), (round.ReviewReminderWorkingDays, round.AcceptanceDays, round.InformationReplyDays));
            Assert.NotEmpty(round.BudgetCategories);
            Assert.NotEmpty(round.Assumptions);
        }
    }

    [Fact]
    public void Alta_stale_years_in_the_seed_are_read_as_the_grant_year()
    {
        Assert.Contains(Alta.GrantTerms, t => t.Contains("regnskapsføres i 2024", StringComparison.Ordinal));
        Assert.Contains(Alta.FindKind(ApplicationKind.Operating)!.Conditions, c => c.Contains("medlemstall i 2023", StringComparison.Ordinal));
        Assert.Contains(Alta.Assumptions, a => a.Contains("2022", StringComparison.Ordinal) && a.Contains("2021", StringComparison.Ordinal));
    }

    [Fact]
    public void Round_data_names_no_person_and_no_phone_number()
    {
        string json = System.Text.Json.JsonSerializer.Serialize(RoundCatalog.BaseRounds, RoundCatalog.JsonOptions);

        Assert.DoesNotMatch(@"\b\d{3} \d{2} \d{3}\b|\+47", json);
        Assert.DoesNotContain("Telefon", json, StringComparison.OrdinalIgnoreCase);
    }
}
