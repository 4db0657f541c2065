using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Rounds;
using static Tilskudd.Domain.Tests.Applications.Samples;

namespace Tilskudd.Domain.Tests.Applications;

public class ApplicationRulesTests
{
    const long MB = 1024 * 1024;

    [Fact]
    public void Valid_oslo_application_passes()
    {
        var result = Oslo(OsloProject);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Valid_alta_project_application_passes() => Assert.Empty(Alta(AltaProject).Errors);

    [Fact]
    public void Valid_alta_operating_application_passes() => Assert.Empty(Alta(AltaOperating, AltaOperatingFiles).Errors);

    [Fact]
    public void Valid_application_passes_in_a_later_year_of_the_scheme()
    {
        var round = RoundCatalog.ForYear("alta", 2027);
        var form = AltaProject with { Project = AltaProject.Project! with { Start = new(2027, 5, 1), End = new(2027, 12, 31) } };

        var result = ApplicationRules.Validate(round, form, AltaProjectFiles, new DateTimeOffset(2027, 4, 15, 23, 0, 0, TimeSpan.FromHours(2)));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void RoundIsOpen_application_after_the_deadline_is_refused_with_the_deadline_date()
    {
        var result = ApplicationRules.Validate(Alta2024, AltaProject, AltaProjectFiles, new DateTimeOffset(2024, 4, 16, 0, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal(["Søknadsfristen for denne runden gikk ut 15. april 2024."], result.Errors["round"]);
    }

    [Fact]
    public void RoundIsOpen_answers_alone_for_the_api()
    {
        Assert.True(ApplicationRules.RoundIsOpen(Alta2024, new DateTimeOffset(2024, 4, 15, 23, 59, 59, TimeSpan.FromHours(2))));
        Assert.False(ApplicationRules.RoundIsOpen(Alta2024, new DateTimeOffset(2024, 4, 16, 0, 0, 0, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void AmountWithinLimits_alta_grant_application_below_10000_is_refused() =>
        Assert.Equal(["Søknadsbeløpet må være minst kr 10 000."], Alta(AltaProject with { AmountAppliedFor = 9_999 }).Errors["amountAppliedFor"]);

    [Fact]
    public void AmountWithinLimits_oslo_application_above_1000000_is_refused()
    {
        var form = OsloProject with { AmountAppliedFor = 1_000_001, Budget = [new("lonn", "Ansatte", 2_000_000)] };

        Assert.Equal(["Søknadsbeløpet kan være høyst kr 1 000 000."], Oslo(form).Errors["amountAppliedFor"]);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(1_000_000)]
    public void AmountWithinLimits_accepts_the_limits_themselves(long amount) =>
        Assert.DoesNotContain("amountAppliedFor", Alta(AltaProject with { AmountAppliedFor = amount }).Errors.Keys);

    [Fact]
    public void DelmålAreOfTheRound_application_without_delmål_is_refused() =>
        Assert.Equal(["Velg minst ett delmål."], Oslo(OsloProject with { Delmål = [] }).Errors["delmål"]);

    [Fact]
    public void DelmålAreOfTheRound_delmål_d_is_refused_in_alta() =>
        Assert.Equal(["Delmål «D» finnes ikke i denne ordningen. Velg blant A, B og C."], Alta(AltaProject with { Delmål = ["A", "D"] }).Errors["delmål"]);

    [Fact]
    public void DelmålAreOfTheRound_codes_are_matched_without_regard_to_case() =>
        Assert.Empty(Oslo(OsloProject with { Delmål = ["d"] }).Errors);

    [Fact]
    public void KindIsOffered_operating_support_is_refused_in_oslo() =>
        Assert.Equal(
            ["Oslo kommune gir ikke driftsstøtte i denne ordningen. Det kan søkes om: Prosjekter, tiltak og aktiviteter."],
            Oslo(OsloProject with { Kind = ApplicationKind.Operating, PayingMembers = 50 }).Errors["kind"]);

    [Fact]
    public void OrganisationNumberIsValid_organisation_number_with_wrong_check_digit_is_refused()
    {
        var form = OsloProject with { Organisation = OsloProject.Organisation! with { Number = "912345687" } };

        Assert.Equal(["Organisasjonsnummeret 912345687 er ikke gyldig. Sjekk at det er skrevet riktig."], Oslo(form).Errors["organisation.number"]);
    }

    [Theory]
    [InlineData("91234568")]
    [InlineData("9123456888")]
    [InlineData("91234568A")]
    public void OrganisationNumberIsValid_organisation_number_without_nine_digits_is_refused(string number)
    {
        var form = OsloProject with { Organisation = OsloProject.Organisation! with { Number = number } };

        Assert.Equal(["Organisasjonsnummeret må ha 9 siffer."], Oslo(form).Errors["organisation.number"]);
    }

    [Fact]
    public void OrganisationNumberIsValid_organisation_number_with_spaces_is_accepted()
    {
        var form = OsloProject with { Organisation = OsloProject.Organisation! with { Number = "912 345 688" } };

        Assert.Empty(Oslo(form).Errors);
    }

    [Fact]
    public void OrganisationIsNamed_application_without_organisation_is_refused()
    {
        var errors = Oslo(OsloProject with { Organisation = null }).Errors;

        Assert.Equal(["Oppgi organisasjonsnummeret."], errors["organisation.number"]);
        Assert.Equal(["Oppgi organisasjonens navn."], errors["organisation.name"]);
    }

    [Fact]
    public void OrganisationIsNamed_organisation_email_must_be_an_address_when_given()
    {
        var form = OsloProject with { Organisation = OsloProject.Organisation! with { Email = "post.example.org" } };

        Assert.Equal(["Organisasjonens e-postadresse er ikke gyldig."], Oslo(form).Errors["organisation.email"]);
    }

    [Fact]
    public void ContactPersonIsGiven_contact_without_name_or_valid_email_is_refused()
    {
        var errors = Oslo(OsloProject with { Contact = new(" ", "kontakt@example", null) }).Errors;

        Assert.Equal(["Oppgi navnet på kontaktpersonen."], errors["contact.name"]);
        Assert.Equal(["Kontaktpersonens e-postadresse er ikke gyldig."], errors["contact.email"]);
    }

    [Fact]
    public void ContactPersonIsGiven_missing_contact_is_refused()
    {
        var errors = Oslo(OsloProject with { Contact = null }).Errors;

        Assert.Contains("contact.name", errors.Keys);
        Assert.Equal(["Oppgi kontaktpersonens e-postadresse."], errors["contact.email"]);
    }

    [Fact]
    public void PrivatePersonGivesOrganisationEmail_private_person_without_organisation_email_is_refused()
    {
        var form = OsloProject with { SubmittedAs = SubmittedAs.PrivatePerson, Organisation = OsloProject.Organisation! with { Email = null } };

        Assert.Equal(
            ["Når du søker som privatperson, må du oppgi organisasjonens e-postadresse, slik at organisasjonen får kopi av søknaden."],
            Oslo(form).Errors["organisation.email"]);
    }

    [Fact]
    public void PrivatePersonGivesOrganisationEmail_private_person_with_organisation_email_is_accepted() =>
        Assert.Empty(Oslo(OsloProject with { SubmittedAs = SubmittedAs.PrivatePerson }).Errors);

    [Fact]
    public void ProjectIsDescribed_missing_project_is_refused_field_by_field()
    {
        var errors = Oslo(OsloProject with { Project = null }).Errors;

        Assert.Equal(["project.description", "project.place", "project.title"], errors.Keys.Where(k => k.StartsWith("project.", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void ProjectPeriodIsValid_oslo_project_ending_after_the_grant_year_is_refused()
    {
        var form = OsloProject with { Project = OsloProject.Project! with { End = new(2022, 1, 31) } };

        Assert.Equal(["Tiltaket må gjennomføres i 2021. Sluttdatoen må være i 2021."], Oslo(form).Errors["project.end"]);
    }

    [Fact]
    public void ProjectPeriodIsValid_alta_project_running_into_the_next_year_is_accepted()
    {
        var form = AltaProject with { Project = AltaProject.Project! with { Start = new(2024, 9, 1), End = new(2026, 8, 31) } };

        Assert.Empty(Alta(form).Errors);
    }

    [Fact]
    public void ProjectPeriodIsValid_alta_project_ending_before_the_grant_year_is_refused()
    {
        var form = AltaProject with { Project = AltaProject.Project! with { Start = new(2023, 1, 1), End = new(2023, 12, 31) } };

        Assert.Equal(["Tiltaket må foregå i tildelingsåret 2024, men slutter før det."], Alta(form).Errors["project.end"]);
    }

    [Fact]
    public void ProjectPeriodIsValid_project_ending_before_it_starts_is_refused()
    {
        var form = OsloProject with { Project = OsloProject.Project! with { Start = new(2021, 6, 1), End = new(2021, 5, 31) } };

        Assert.Equal(["Sluttdatoen kan ikke være før startdatoen."], Oslo(form).Errors["project.end"]);
    }

    [Fact]
    public void ProjectPeriodIsValid_project_without_dates_is_refused()
    {
        var form = OsloProject with { Project = OsloProject.Project! with { Start = default, End = default } };
        var errors = Oslo(form).Errors;

        Assert.Equal(["Oppgi startdato."], errors["project.start"]);
        Assert.Equal(["Oppgi sluttdato."], errors["project.end"]);
    }

    [Fact]
    public void ReceptionContactIsGiven_alta_activity_at_asylum_reception_without_contact_is_refused()
    {
        var form = AltaProject with { Project = AltaProject.Project! with { AtAsylumReception = true } };

        Assert.Equal(["Oppgi kontaktperson ved asylmottaket når tiltaket skal foregå der."], Alta(form).Errors["project.receptionContact"]);
        Assert.Empty(Alta(form with { Project = form.Project! with { ReceptionContact = "Mottaksleder, Testmottaket" } }).Errors);
    }

    [Fact]
    public void ReceptionContactIsGiven_is_not_asked_in_oslo() =>
        Assert.Empty(Oslo(OsloProject with { Project = OsloProject.Project! with { AtAsylumReception = true } }).Errors);

    [Fact]
    public void BudgetIsGiven_application_without_budget_lines_or_budget_file_is_refused() =>
        Assert.Equal(["Fyll ut budsjettet i skjemaet eller legg ved budsjettet som fil."], Oslo(OsloProject with { Budget = [] }).Errors["budget"]);

    [Fact]
    public void BudgetIsGiven_budget_file_instead_of_lines_is_accepted() =>
        Assert.Empty(Oslo(OsloProject with { Budget = [] }, [Pdf(AttachmentKind.Budget, "budsjett.pdf")]).Errors);

    [Fact]
    public void BudgetLinesAreValid_budget_line_with_unknown_category_is_refused()
    {
        var form = OsloProject with { Budget = [.. OsloProject.Budget, new("investering", "Minibuss", 5_000)] };

        var messages = Oslo(form).Errors["budget[3].category"];

        Assert.StartsWith("Budsjettkategorien «investering» finnes ikke. Velg blant: Lønn og honorarer,", Assert.Single(messages), StringComparison.Ordinal);
    }

    [Fact]
    public void BudgetLinesAreValid_budget_line_without_a_positive_amount_is_refused()
    {
        var form = OsloProject with { Budget = [new("lokaler", "Leie", 70_000), new("servering", "Kaffe", 0), new("reise", "Buss", -5)] };
        var errors = Oslo(form).Errors;

        Assert.Equal(["Beløpet må være større enn 0."], errors["budget[1].amount"]);
        Assert.Equal(["Beløpet må være større enn 0."], errors["budget[2].amount"]);
    }

    // Alta: "prosjekt/tiltaksstøtte kan ikke benyttes til generell drift av organisasjon".
    [Fact]
    public void ProjectBudgetHasNoRunningCosts()
    {
        var form = AltaProject with { Budget = [new("aktiviteter", "Fellesmiddager", 40_000), new("drift", "Husleie for foreningens kontor", 10_000)] };

        var result = Alta(form);

        Assert.Equal(
            ["Budsjettkategorien «Drift av organisasjonen (bare driftsstøtte)» kan bare brukes når dere søker driftsstøtte. Prosjekt- og tiltaksstøtte kan ikke benyttes til generell drift av organisasjonen."],
            result.Errors["budget[1].category"]);
        Assert.DoesNotContain("budget[0].category", result.Errors.Keys);
    }

    [Fact]
    public void ProjectBudgetHasNoRunningCosts_operating_support_may_budget_running_costs()
    {
        Assert.Contains(AltaOperating.Budget, l => l.Category == "drift");

        Assert.Empty(Alta(AltaOperating, AltaOperatingFiles).Errors);
    }

    [Fact]
    public void ProjectBudgetHasNoRunningCosts_the_round_data_marks_only_altas_drift_as_running_costs()
    {
        Assert.Equal(["drift"], Alta2024.BudgetCategories.Where(c => c.OperatingSupportOnly).Select(c => c.Code));
        Assert.DoesNotContain(Oslo2021.BudgetCategories, c => c.OperatingSupportOnly);
    }

    [Fact]
    public void AmountAppliedForWithinBudget_amount_above_the_budgets_total_costs_is_refused() =>
        Assert.Equal(
            ["Søknadsbeløpet (kr 80 000) kan ikke være større enn budsjettets samlede kostnader (kr 75 000)."],
            Oslo(OsloProject with { AmountAppliedFor = 80_000 }).Errors["amountAppliedFor"]);

    [Fact]
    public void AmountAppliedForWithinBudget_amount_equal_to_total_costs_is_accepted() =>
        Assert.Empty(Oslo(OsloProject with { AmountAppliedFor = 75_000 }).Errors);

    [Fact]
    public void SkatteattestWhenEmployees_organisation_with_employees_without_skatteattest_is_refused()
    {
        var result = Alta(AltaProject, [Pdf(AttachmentKind.Budget, "budsjett.pdf")]);

        Assert.Equal(["Legg ved skatteattest når organisasjonen har ansatte."], result.Errors["attachments.skatteattest"]);
    }

    [Fact]
    public void SkatteattestWhenEmployees_is_not_asked_without_employees() =>
        Assert.Empty(Alta(AltaProject with { NumberOfEmployees = 0 }, [Pdf(AttachmentKind.Budget, "budsjett.pdf")]).Errors);

    [Fact]
    public void MembershipListForOperatingSupport_operating_support_without_membership_list_is_refused() =>
        Assert.Equal(
            ["Legg ved medlemslisten. Organisasjonen må legge frem medlemsliste når den søker driftsstøtte."],
            Alta(AltaOperating, []).Errors["attachments.membershipList"]);

    [Fact]
    public void PayingMembersAreStated_operating_support_without_paying_members_is_refused() =>
        Assert.Equal(
            ["Oppgi antall betalende medlemmer (medlemmer som har betalt kontingent via bank til organisasjonens konto)."],
            Alta(AltaOperating with { PayingMembers = null }, AltaOperatingFiles).Errors["payingMembers"]);

    [Fact]
    public void PayingMembersMeetGuideline_fewer_than_20_paying_members_is_a_warning_not_an_error()
    {
        var result = Alta(AltaOperating with { PayingMembers = 12 }, AltaOperatingFiles);

        Assert.True(result.IsValid);
        Assert.Equal(
            ["Det er et veiledende krav om minst 20 betalende medlemmer for driftsstøtte. Søknaden kan sendes, men antallet tas med i vurderingen."],
            result.Warnings["payingMembers"]);
    }

    [Fact]
    public void PayingMembersMeetGuideline_20_paying_members_give_no_warning() =>
        Assert.Empty(Alta(AltaOperating with { PayingMembers = 20 }, AltaOperatingFiles).Warnings);

    [Fact]
    public void NoFaithCommunityWithOtherStateSupport_faith_community_with_other_state_support_is_refused_operating_support()
    {
        var form = AltaOperating with { Declarations = AltaOperating.Declarations with { FaithCommunityWithOtherStateSupport = true } };

        Assert.Equal(
            ["Driftsstøtte kan ikke gis til tros- og livssynssamfunn som mottar annen form for statsstøtte."],
            Alta(form, AltaOperatingFiles).Errors["declarations.faithCommunityWithOtherStateSupport"]);
    }

    [Fact]
    public void NoFaithCommunityWithOtherStateSupport_faith_community_may_apply_for_a_project()
    {
        var form = AltaProject with { Declarations = AltaProject.Declarations with { FaithCommunityWithOtherStateSupport = true } };

        Assert.Empty(Alta(form).Errors);
    }

    [Fact]
    public void InformationIsConfirmedCorrect_unconfirmed_information_is_refused()
    {
        var form = OsloProject with { Declarations = OsloProject.Declarations with { InformationIsCorrect = false } };

        Assert.Equal(["Bekreft at opplysningene i søknaden er riktige."], Oslo(form).Errors["declarations.informationIsCorrect"]);
    }

    [Fact]
    public void NoImdiFundingForSameActivity_undeclared_imdi_funding_is_refused_in_both_rounds()
    {
        var alta = Alta(AltaProject with { Declarations = AltaProject.Declarations with { NoImdiFundingForSameActivity = false } });
        var oslo = Oslo(OsloProject with { Declarations = OsloProject.Declarations with { NoImdiFundingForSameActivity = false } });

        Assert.EndsWith("både fra IMDi og Alta kommune.", Assert.Single(alta.Errors["declarations.noImdiFundingForSameActivity"]), StringComparison.Ordinal);
        Assert.EndsWith("både fra IMDi og Oslo kommune.", Assert.Single(oslo.Errors["declarations.noImdiFundingForSameActivity"]), StringComparison.Ordinal);
    }

    [Fact]
    public void ApprovedByLeader_alta_application_not_approved_by_leader_is_refused()
    {
        var form = AltaProject with { Declarations = AltaProject.Declarations with { ApprovedByLeader = false } };

        Assert.Equal(
            ["Bekreft at søknaden er godkjent av organisasjonens leder eller av den som har delegert myndighet til å godkjenne søknader."],
            Alta(form).Errors["declarations.approvedByLeader"]);
    }

    [Fact]
    public void ApprovedByLeader_is_not_asked_in_oslo() =>
        Assert.Empty(Oslo(OsloProject with { Declarations = new(NoImdiFundingForSameActivity: true, InformationIsCorrect: true, ApprovedByLeader: false) }).Errors);

    [Fact]
    public void FilesHaveAcceptedTypes_file_of_unknown_type_is_refused_naming_the_file()
    {
        var files = new[] { new AttachmentDescriptor(AttachmentKind.Other, "program.exe", 4_000, FileType.Unknown) };

        Assert.Equal(
            ["Filen «program.exe» har en filtype vi ikke tar imot. Bruk PDF, DOCX, XLSX, ODT, PNG eller JPEG."],
            Oslo(OsloProject, files).Errors["attachments"]);
    }

    [Theory]
    [InlineData(FileType.Pdf)]
    [InlineData(FileType.Docx)]
    [InlineData(FileType.Xlsx)]
    [InlineData(FileType.Odt)]
    [InlineData(FileType.Png)]
    [InlineData(FileType.Jpeg)]
    public void FilesHaveAcceptedTypes_accepts_the_six_types(FileType type) =>
        Assert.Empty(Oslo(OsloProject, [new(AttachmentKind.Other, "vedlegg", 1_000, type)]).Errors);

    [Fact]
    public void FilesHaveAcceptedTypes_empty_file_is_refused() =>
        Assert.Equal(["Filen «tom.pdf» er tom."], Oslo(OsloProject, [Pdf(AttachmentKind.Other, "tom.pdf", 0)]).Errors["attachments"]);

    [Fact]
    public void FilesWithinSizeLimits_file_above_20_mb_is_refused()
    {
        var files = new[] { Pdf(AttachmentKind.Other, "stor.pdf", (20 * MB) + 1), Pdf(AttachmentKind.Other, "grense.pdf", 20 * MB) };

        Assert.Equal(["Filen «stor.pdf» er på 20,1 MB. Hver fil kan være på høyst 20 MB."], Oslo(OsloProject, files).Errors["attachments"]);
    }

    [Fact]
    public void FilesWithinSizeLimits_files_above_50_mb_in_all_are_refused()
    {
        var files = Enumerable.Range(1, 3).Select(i => Pdf(AttachmentKind.Other, $"del{i}.pdf", 17 * MB)).ToList();

        Assert.Equal(["Vedleggene er til sammen på 51 MB. De kan til sammen være på høyst 50 MB."], Oslo(OsloProject, files).Errors["attachments"]);
    }

    [Fact]
    public void FilesWithinSizeLimits_more_than_20_files_are_refused()
    {
        var files = Enumerable.Range(1, 21).Select(i => Pdf(AttachmentKind.Other, $"vedlegg{i}.pdf", 1_000)).ToList();

        Assert.Equal(["Du kan legge ved høyst 20 filer."], Oslo(OsloProject, files).Errors["attachments"]);
    }

    [Fact]
    public void All_violations_are_reported_at_once()
    {
        var result = ApplicationRules.Validate(Alta2024, new ApplicationForm(), [], new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.False(result.IsValid);
        Assert.Equal(
            [
                "amountAppliedFor", "budget", "contact.email", "contact.name", "declarations.approvedByLeader", "declarations.informationIsCorrect",
                "declarations.noImdiFundingForSameActivity", "delmål", "organisation.accountNumber", "organisation.name", "organisation.number",
                "project.description", "project.place", "project.title", "round",
            ],
            result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TextsWithinLengthLimits_a_title_of_33_000_characters_is_refused_with_its_length()
    {
        var form = AltaProject with { Project = AltaProject.Project! with { Title = new string('x', 33_000) } };

        Assert.Equal(["Tittelen kan ha høyst 200 tegn, men har 33 000."], Alta(form).Errors["project.title"]);
    }

    [Fact]
    public void TextsWithinLengthLimits_a_description_of_several_pages_is_taken()
    {
        var form = AltaProject with { Project = AltaProject.Project! with { Description = new string('x', TextLimits.Description) } };

        Assert.Empty(Alta(form).Errors);
    }

    [Fact]
    public void TextsWithinLengthLimits_every_text_of_the_form_has_a_limit()
    {
        string huge = new('y', 40_000);
        var form = AltaProject with
        {
            Organisation = AltaProject.Organisation! with { Name = huge },
            Contact = AltaProject.Contact! with { Name = huge, Phone = huge },
            Project = AltaProject.Project! with { Description = huge, Place = huge, ReceptionContact = huge },
            TargetGroups = [huge],
            Budget = [new("lokaler", huge, 50_000)],
        };

        var errors = Alta(form).Errors;

        string[] limited = ["organisation.name", "contact.name", "contact.phone", "project.description", "project.place", "project.receptionContact", "targetGroups[0]", "budget[0].description"];
        Assert.All(
            limited,
            field => Assert.Contains("kan ha høyst", Assert.Contains(field, errors)[0], StringComparison.Ordinal));
    }

    [Fact]
    public void TextsWithinLengthLimits_a_form_of_thousands_of_budget_lines_is_refused()
    {
        var form = AltaProject with { Budget = [.. Enumerable.Range(0, 5_000).Select(i => new BudgetLine("lokaler", $"Post {i}", 10))] };

        Assert.Equal(["Budsjettet kan ha høyst 100 poster. Slå sammen poster av samme slag."], Alta(form).Errors["budget"]);
    }
}
