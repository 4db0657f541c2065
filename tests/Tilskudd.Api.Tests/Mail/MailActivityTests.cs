using Tilskudd.Api.Tests.Cases;
using Tilskudd.Api.Tests.Fixtures;
using Tilskudd.Infrastructure.Mail;

namespace Tilskudd.Api.Tests.Mail;

/// <summary>
/// After a crash between the mail service's answer and the ledger, a retry asks the service whether it took the mail:
/// the product's own SendGrid client against the local stand-in, which answers SendGrid's Email Activity query.
/// </summary>
public sealed class MailActivityTests(TilskuddFixture fixture)
{
    [Fact]
    public async Task The_mail_service_says_it_took_a_receipt_it_took_and_not_one_it_never_saw()
    {
        string reference = await fixture.SubmitAltaCaseAsync();
        await fixture.Http.WaitForMailsAsync(reference, 1, TimeSpan.FromSeconds(60));
        using var http = new HttpClient();
        var sendGrid = new SendGridMailSender(new MailOptions { SendGridApiKey = "lokal", SendGridHost = fixture.Host.BaseAddress.ToString() }, http);

        Assert.True(await sendGrid.WasAcceptedAsync($"{reference}/kvittering", TestContext.Current.CancellationToken));
        Assert.False(await sendGrid.WasAcceptedAsync($"{reference}/vedtak-innvilget", TestContext.Current.CancellationToken));
        Assert.False(await sendGrid.WasAcceptedAsync("ALT-2027-9999/kvittering\" or \"1\"=\"1", TestContext.Current.CancellationToken));
    }
}
