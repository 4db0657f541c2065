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
}
