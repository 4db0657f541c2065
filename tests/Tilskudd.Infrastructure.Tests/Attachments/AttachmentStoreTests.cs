using Tilskudd.Domain.Applications;
using Tilskudd.Infrastructure.Attachments;
using Tilskudd.Infrastructure.Storage;

namespace Tilskudd.Infrastructure.Tests.Attachments;

public sealed class AttachmentStoreTests(StorageFixture fixture)
{
    readonly AttachmentStore store = new(fixture.Storage);
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static AttachmentDescriptor Reply => new(AttachmentKind.InformationReply, "svar.pdf", 4, FileType.Pdf);

    async Task<string> ContentOfAsync(string blobName) =>
        (await fixture.Storage.Container(StorageNames.AttachmentsContainer).GetBlobClient(blobName).DownloadContentAsync(Ct)).Value.Content.ToString();

    [Fact]
    public async Task Two_replies_sent_against_the_same_case_version_keep_both_files_and_a_refused_ones_delete_leaves_the_other()
    {
        string reference = $"ALT-2027-{Random.Shared.Next(1000, 9999)}";

        var accepted = await store.SaveAsync(reference, 700, Reply, "sha-a", new MemoryStream("AAAA"u8.ToArray()), "0a1b2c3d", Ct);
        var refused = await store.SaveAsync(reference, 700, Reply, "sha-b", new MemoryStream("BBBB"u8.ToArray()), "9f8e7d6c", Ct);
        await store.DeleteAsync([refused], Ct);

        Assert.NotEqual(accepted.BlobName, refused.BlobName);
        Assert.Equal("AAAA", await ContentOfAsync(accepted.BlobName));
        Assert.False((await fixture.Storage.Container(StorageNames.AttachmentsContainer).GetBlobClient(refused.BlobName).ExistsAsync(Ct)).Value);
        Assert.True(AttachmentLinks.IsStoredName(accepted.BlobName[(reference.Length + 1)..]), accepted.BlobName);
    }

    [Fact]
    public async Task The_same_command_retried_overwrites_its_own_file()
    {
        string reference = $"ALT-2027-{Random.Shared.Next(1000, 9999)}";

        var first = await store.SaveAsync(reference, 700, Reply, "sha-a", new MemoryStream("AAAA"u8.ToArray()), "0a1b2c3d", Ct);
        var retried = await store.SaveAsync(reference, 700, Reply, "sha-a", new MemoryStream("AAAA"u8.ToArray()), "0a1b2c3d", Ct);

        Assert.Equal(first.BlobName, retried.BlobName);
    }
}
