using System.IO.Compression;
using System.Text;
using Tilskudd.Domain.Applications;
using Tilskudd.Infrastructure.Attachments;

namespace Tilskudd.Infrastructure.Tests.Attachments;

public sealed class FileTypeSnifferTests
{
    static MemoryStream Bytes(params byte[] bytes) => new(bytes);

    static MemoryStream Package(params (string Name, string Content)[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        buffer.Position = 0;
        return buffer;
    }

    [Fact]
    public void A_pdf_is_known_by_its_header() => Assert.Equal(FileType.Pdf, FileTypeSniffer.Detect(Bytes([.. "%PDF-1.7\n"u8, 1, 2, 3])));

    [Fact]
    public void A_png_is_known_by_its_signature() => Assert.Equal(FileType.Png, FileTypeSniffer.Detect(Bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0)));

    [Fact]
    public void A_jpeg_is_known_by_its_signature() => Assert.Equal(FileType.Jpeg, FileTypeSniffer.Detect(Bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10)));

    [Fact]
    public void A_word_document_is_known_by_the_parts_inside_its_package() =>
        Assert.Equal(FileType.Docx, FileTypeSniffer.Detect(Package(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>"))));

    [Fact]
    public void A_spreadsheet_is_known_by_the_parts_inside_its_package() =>
        Assert.Equal(FileType.Xlsx, FileTypeSniffer.Detect(Package(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<w/>"))));

    [Fact]
    public void An_OpenDocument_text_is_known_by_its_mimetype_entry() =>
        Assert.Equal(FileType.Odt, FileTypeSniffer.Detect(Package(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>"))));

    [Fact]
    public void An_executable_named_pdf_is_unknown() => Assert.Equal(FileType.Unknown, FileTypeSniffer.Detect(Bytes([.. "MZ"u8, 0x90, 0, 3, 0])));

    [Fact]
    public void A_plain_zip_archive_is_unknown() => Assert.Equal(FileType.Unknown, FileTypeSniffer.Detect(Package(("program.exe", "MZ"))));

    [Fact]
    public void A_broken_zip_is_unknown() => Assert.Equal(FileType.Unknown, FileTypeSniffer.Detect(Bytes([.. "PK\u0003\u0004"u8, 1, 2, 3, 4, 5])));

    [Fact]
    public void An_empty_file_is_unknown() => Assert.Equal(FileType.Unknown, FileTypeSniffer.Detect(Bytes()));

    [Fact]
    public void Sniffing_leaves_the_stream_at_the_start_for_the_upload()
    {
        using var pdf = Bytes([.. "%PDF-1.7\n"u8, 1, 2, 3]);

        FileTypeSniffer.Detect(pdf);

        Assert.Equal(0, pdf.Position);
    }

    /// <summary>An ODT-shaped package whose <c>mimetype</c> starts as OpenDocument's and goes on as zeros, packed to about 1/1000.</summary>
    static MemoryStream OdtBomb(long mimetypeBytes)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry("mimetype", CompressionLevel.Fastest).Open())
            {
                entry.Write("application/vnd.oasis.opendocument.text"u8);
                var zeros = new byte[1024 * 1024];
                for (long written = 0; written < mimetypeBytes; written += zeros.Length)
                {
                    entry.Write(zeros, 0, (int)Math.Min(zeros.Length, mimetypeBytes - written));
                }
            }

            using var content = zip.CreateEntry("content.xml").Open();
            content.Write("<office:document-content/>"u8);
        }

        buffer.Position = 0;
        return buffer;
    }

    [Fact]
    public void An_odt_whose_mimetype_inflates_to_a_hundred_megabytes_is_refused_without_unpacking_it()
    {
        using var bomb = OdtBomb(100L * 1024 * 1024);
        long before = GC.GetAllocatedBytesForCurrentThread();

        var type = FileTypeSniffer.Detect(bomb);

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(FileType.Unknown, type);
        Assert.True(allocated < 8 * 1024 * 1024, $"Sniffing the bomb allocated {allocated / 1024 / 1024} MB.");
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"The bomb is {bomb.Length} bytes packed.");
    }

    [Fact]
    public void Only_the_first_line_of_an_odts_mimetype_is_read()
    {
        // 1 MiB of zeros after the line: under the packing ratio's floor, so the package is judged by its mimetype alone.
        using var padded = OdtBomb(1024 * 1024 - 64);
        long before = GC.GetAllocatedBytesForCurrentThread();

        var type = FileTypeSniffer.Detect(padded);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 512 * 1024);
        Assert.Equal(FileType.Unknown, type); // the line is followed by zeros, so it is not OpenDocument's line alone
    }

    [Fact]
    public void A_package_declaring_more_than_any_document_unpacks_to_is_unknown()
    {
        // Three pictures of random bytes, 1.1 MB each: a document. Then the same package with each picture's size in the
        // central directory changed to 200 MB (packed 180 to 1, under the ratio): 600 MB in all is no document's.
        var noise = new byte[1_100_000];
        new Random(7).NextBytes(noise);
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            zip.CreateEntry("word/document.xml").Open().Dispose();
            for (int i = 0; i < 3; i++)
            {
                using var entry = zip.CreateEntry($"word/media/image{i}.png", CompressionLevel.NoCompression).Open();
                entry.Write(noise);
            }
        }

        Assert.Equal(FileType.Docx, FileTypeSniffer.Detect(new MemoryStream(buffer.ToArray())));

        byte[] lying = DeclareUnpackedSize(buffer.ToArray(), entryName: "word/media/image", size: 200_000_000);
        Assert.Equal(FileType.Unknown, FileTypeSniffer.Detect(new MemoryStream(lying)));
    }

    /// <summary>Sets the unpacked size the central directory declares for every entry whose name starts so.</summary>
    static byte[] DeclareUnpackedSize(byte[] package, string entryName, uint size)
    {
        var bytes = (byte[])package.Clone();
        for (int at = 0; at + 46 < bytes.Length; at++)
        {
            if (BitConverter.ToUInt32(bytes, at) != 0x02014b50)
            {
                continue;
            }

            int nameLength = BitConverter.ToUInt16(bytes, at + 28);
            if (Encoding.UTF8.GetString(bytes, at + 46, nameLength).StartsWith(entryName, StringComparison.Ordinal))
            {
                BitConverter.GetBytes(size).CopyTo(bytes, at + 24);
            }
        }

        return bytes;
    }
}
