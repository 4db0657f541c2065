using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Tilskudd.Infrastructure.Mail;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Infrastructure.Tests.Mail;

public sealed class TableMailLedgerTests(StorageFixture fixture)
{
    [Fact]
    public async Task A_mail_is_unsent_until_recorded_and_then_sent_with_the_time_it_was_recorded()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 8, 0, 0, TimeSpan.FromHours(1)));
        var ledger = new TableMailLedger(fixture.Storage, time);
        string mailId = $"ALT-2027-{Random.Shared.Next(1000, 9999)}/rapport/paminnelse-1";

        Assert.Null(await ledger.FindAsync(mailId, TestContext.Current.CancellationToken));
        await ledger.RecordSentAsync(mailId, TestContext.Current.CancellationToken);

        Assert.True((await ledger.FindAsync(mailId, TestContext.Current.CancellationToken))?.Sent);
        var row = await fixture.Storage.Table(StorageNames.MailLedgerTable)
            .GetEntityAsync<TableEntity>(mailId.Split('/')[0], "rapport|paminnelse-1", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(time.GetUtcNow(), row.Value.GetDateTimeOffset("SentAt"));
    }

    [Fact]
    public async Task A_send_begun_and_not_ended_is_known_with_the_time_of_its_first_attempt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 8, 0, 0, TimeSpan.FromHours(1)));
        var ledger = new TableMailLedger(fixture.Storage, time);
        string mailId = $"ALT-2027-{Random.Shared.Next(1000, 9999)}/kvittering";

        await ledger.RecordAttemptAsync(mailId, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMinutes(1));
        await ledger.RecordAttemptAsync(mailId, TestContext.Current.CancellationToken);

        Assert.Equal(new Workflow.Ports.MailLedgerEntry(Sent: false, TimeSpan.FromMinutes(1)), await ledger.FindAsync(mailId, TestContext.Current.CancellationToken));
        await ledger.RecordSentAsync(mailId, TestContext.Current.CancellationToken);
        Assert.Equal(new Workflow.Ports.MailLedgerEntry(Sent: true, null), await ledger.FindAsync(mailId, TestContext.Current.CancellationToken));
    }
}
