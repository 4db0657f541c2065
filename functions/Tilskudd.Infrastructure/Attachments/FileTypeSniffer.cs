using System.IO.Compression;
using Tilskudd.Domain.Applications;

namespace Tilskudd.Infrastructure.Attachments;

/// <summary>
/// Tells what a file is from its bytes, not its name: a renamed executable stays unknown.
/// Office and OpenDocument files are zip packages, told apart by the entries inside.
/// </summary>
public static class FileTypeSniffer
{
    public static FileType Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Span<byte> head = stackalloc byte[8];
        int read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;

        if (head.StartsWith("%PDF-"u8))
        {
            return FileType.Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return FileType.Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return FileType.Jpeg;
        }

        return head.StartsWith("PK\u0003\u0004"u8) ? DetectPackage(content) : FileType.Unknown;
    }

    static FileType DetectPackage(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open());
                return reader.ReadToEnd().Trim() == "application/vnd.oasis.opendocument.text" ? FileType.Odt : FileType.Unknown;
            }

            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return FileType.Unknown;
            }

            return zip.GetEntry("word/document.xml") is not null ? FileType.Docx
                : zip.GetEntry("xl/workbook.xml") is not null ? FileType.Xlsx
                : FileType.Unknown;
        }
        catch (InvalidDataException)
        {
            return FileType.Unknown;
        }
        finally
        {
            content.Position = 0;
        }
    }

    public static string ContentTypeOf(FileType type) => type switch
    {
        FileType.Pdf => "application/pdf",
        FileType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileType.Odt => "application/vnd.oasis.opendocument.text",
        FileType.Png => "image/png",
        FileType.Jpeg => "image/jpeg",
        FileType.Unknown => "application/octet-stream",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string ExtensionOf(FileType type) => type switch
    {
        FileType.Pdf => "pdf",
        FileType.Docx => "docx",
        FileType.Xlsx => "xlsx",
        FileType.Odt => "odt",
        FileType.Png => "png",
        FileType.Jpeg => "jpg",
        FileType.Unknown => "bin",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
