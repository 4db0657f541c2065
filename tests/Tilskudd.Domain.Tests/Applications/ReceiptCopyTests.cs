using Tilskudd.Domain.Applications;

namespace Tilskudd.Domain.Tests.Applications;

public sealed class ReceiptCopyTests
{
    static ApplicationForm Form(SubmittedAs by, string? organisationEmail) => new()
    {
        SubmittedAs = by,
        Organisation = new OrganisationDetails("812345672", "Grünerløkka Samtalegruppe", organisationEmail),
    };

    [Fact]
    public void A_private_person_applying_sends_a_copy_to_the_organisations_address() =>
        Assert.Equal(["styret@samtale.example.org"], Form(SubmittedAs.PrivatePerson, "styret@samtale.example.org").ReceiptCopyTo());

    [Fact]
    public void The_organisation_applying_itself_gets_no_extra_copy() =>
        Assert.Empty(Form(SubmittedAs.Organisation, "styret@samtale.example.org").ReceiptCopyTo());
}
