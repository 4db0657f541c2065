using Tilskudd.Domain.Cases;
using Tilskudd.Domain.People;

namespace Tilskudd.Domain.Tests.People;

/// <summary>Each rule of <see cref="CaseAccess"/>, by its name.</summary>
public sealed class CaseAccessTests
{
    const string Organisation = "912345688";
    const string Alta = "5603";

    static Principal Person(string id, string[] roles, string[] organisations = null!, string[] kommuner = null!) =>
        new(id, id, roles.ToHashSet(), organisations ?? [], kommuner ?? []);

    static readonly ApplicationParties SentForTheOrganisation = new("912 345 688", "someone-else");
    static readonly ApplicationParties SentByAPrivatePerson = new(Organisation, "privat-1");

    [Fact]
    public void Someone_acting_for_the_organisation_is_the_applicant_of_every_application_of_it() =>
        Assert.True(CaseAccess.IsTheApplicantOf(Person("org-soker", [Roles.Applicant], [Organisation]), SentForTheOrganisation));

    [Fact]
    public void Someone_acting_for_another_organisation_is_not_its_applicant() =>
        Assert.False(CaseAccess.IsTheApplicantOf(Person("annen", [Roles.Applicant], ["811222348"]), SentForTheOrganisation));

    [Fact]
    public void A_private_person_is_the_applicant_only_of_what_they_sent_themselves()
    {
        Assert.True(CaseAccess.IsTheApplicantOf(Person("privat-1", [Roles.Applicant]), SentByAPrivatePerson));
        Assert.False(CaseAccess.IsTheApplicantOf(Person("privat-2", [Roles.Applicant]), SentByAPrivatePerson));
        Assert.False(CaseAccess.IsTheApplicantOf(Person("privat-1", [Roles.Applicant]), SentForTheOrganisation with { SubmittedBy = null }));
    }

    [Fact]
    public void A_caseworker_is_no_applicant() =>
        Assert.False(CaseAccess.IsTheApplicantOf(Person("sb", [Roles.Caseworker], [Organisation], [Alta]), SentForTheOrganisation));

    [Fact]
    public void Only_officers_of_the_rounds_kommune_handle_its_cases()
    {
        var caseworker = Person("sb-alta", [Roles.Caseworker], kommuner: [Alta]);
        Assert.True(CaseAccess.MayEverUse(caseworker, Access.Officer));
        Assert.True(CaseAccess.MayUse(caseworker, Access.Officer, SentForTheOrganisation, Alta));
        Assert.False(CaseAccess.MayUse(caseworker, Access.Officer, SentForTheOrganisation, "0301"));
        Assert.False(CaseAccess.MayEverUse(Person("soker", [Roles.Applicant], [Organisation]), Access.Officer));
    }

    [Fact]
    public void A_case_party_is_its_applicant_or_an_officer_of_its_kommune()
    {
        Assert.True(CaseAccess.MayUse(Person("privat-1", [Roles.Applicant]), Access.CaseParty, SentByAPrivatePerson, Alta));
        Assert.True(CaseAccess.MayUse(Person("beslutter", [Roles.DecisionMaker], kommuner: [Alta]), Access.CaseParty, SentByAPrivatePerson, Alta));
        Assert.False(CaseAccess.MayUse(Person("privat-2", [Roles.Applicant]), Access.CaseParty, SentByAPrivatePerson, Alta));
        Assert.False(CaseAccess.MayUse(Person("admin", [Roles.Administrator], kommuner: [Alta]), Access.CaseParty, SentByAPrivatePerson, Alta));
    }

    [Fact]
    public void Only_administrators_administer() =>
        Assert.False(CaseAccess.MayEverUse(Person("sb", [Roles.Caseworker, Roles.DecisionMaker], kommuner: [Alta]), Access.Administrator));

    [Fact]
    public void The_applicant_does_not_see_the_kommunes_working_notes()
    {
        Assert.False(CaseAccess.SeesTheKommunesWorkingNotes(Person("privat-1", [Roles.Applicant])));
        Assert.True(CaseAccess.SeesTheKommunesWorkingNotes(Person("sb", [Roles.Caseworker])));
    }

    [Fact]
    public void A_caseworker_who_is_also_decision_maker_acts_as_decision_maker_only_on_the_decision()
    {
        var both = Person("sb-beslutter", [Roles.Caseworker, Roles.DecisionMaker], kommuner: [Alta]);
        Assert.Equal(ActorRole.Caseworker, CaseAccess.ActorOnTheCase(both, ActingAs.TheirRole).Role);
        Assert.Equal(ActorRole.DecisionMaker, CaseAccess.ActorOnTheCase(both, ActingAs.DecisionMaker).Role);
    }

    [Fact]
    public void A_decision_maker_alone_acts_as_decision_maker_and_an_applicant_as_the_organisation()
    {
        Assert.Equal(ActorRole.DecisionMaker, CaseAccess.ActorOnTheCase(Person("beslutter", [Roles.DecisionMaker]), ActingAs.TheirRole).Role);
        Assert.Equal(ActorRole.Organisation, CaseAccess.ActorOnTheCase(Person("soker", [Roles.Applicant], [Organisation]), ActingAs.DecisionMaker).Role);
        Assert.Equal(new Actor(ActorRole.Caseworker, "sb"), CaseAccess.ActorOnTheCase(Person("sb", [Roles.Caseworker]), ActingAs.DecisionMaker));
    }
}


/// <summary>Each refusal carries its kind from the rule that makes it; the edge maps the kind to a status.</summary>
public sealed class DomainErrorKindTests
{
    [Fact]
    public void A_refusal_of_the_senders_role_is_forbidden()
    {
        Assert.Equal(DomainErrorKind.Forbidden, CaseRules.OnlyTheDecisionMakerDecides(new Actor(ActorRole.Caseworker, "sb"))!.Kind);
        Assert.Equal(DomainErrorKind.Forbidden, CaseRules.OnlyTheOrganisationActsForItself(new Actor(ActorRole.Caseworker, "sb"))!.Kind);
    }

    [Fact]
    public void A_refusal_of_what_was_sent_is_invalid() =>
        Assert.Equal(DomainErrorKind.Invalid, CaseRules.ReplyDeadlineMustBeInTheFuture(new DateOnly(2027, 1, 1), new DateTimeOffset(2027, 6, 1, 10, 0, 0, TimeSpan.Zero))!.Kind);

    [Fact]
    public void A_refusal_of_where_the_case_stands_is_a_conflict() =>
        Assert.Equal(DomainErrorKind.Conflict, CaseRules.OnlyAPendingChangeCanBeAnswered(new CaseState())!.Kind);
}
