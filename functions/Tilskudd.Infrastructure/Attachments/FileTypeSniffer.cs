using System.IO.Compression;
using Tilskudd.Domain.Applications;

namespace Tilskudd.Infrastructure.Attachments;

/// <summary>
/// Tells what a file is from its bytes, not its name: a renamed executable stays unknown.
/// Office and OpenDocument files are zip packages, told apart by the entries inside.
/// </summary>
public static class FileTypeSniffer
{
    /// <summary>OpenDocument's <c>mimetype</c> entry holds one short line; more is not read (a bomb's inflates to gigabytes).</summary>
    const int MimetypeBytesRead = 128;

    /// <summary>
    /// What a package may declare before it is taken for a zip bomb rather than a document: a 20 MB Word or Excel file
    /// unpacks to well under this, while a 1.5 MB bomb declares gigabytes. The declared sizes are all the sniffer reads
    /// of the entries; a caseworker's office program would unpack them.
    /// </summary>
    internal const long MaxDeclaredUnpackedBytes = 512L * 1024 * 1024;

    /// <summary>More entries than an office document has; each costs memory to list.</summary>
    internal const int MaxEntries = 10_000;

    /// <summary>An entry packed tighter than this (and over 1 MiB unpacked) is no document's: text and XML pack 5–20 to 1.</summary>
    internal const long MaxPackingRatio = 200;

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
            if (LooksLikeABomb(zip))
            {
                return FileType.Unknown;
            }

            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                return ReadStart(mimetype) == "application/vnd.oasis.opendocument.text" ? FileType.Odt : FileType.Unknown;
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

    /// <summary>Too many entries, too much declared in all, or an entry packed tighter than any document's.</summary>
    static bool LooksLikeABomb(ZipArchive zip)
    {
        if (zip.Entries.Count > MaxEntries)
        {
            return true;
        }

        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            declared += entry.Length;
            bool packedTooTight = entry.Length > 1024 * 1024 && entry.Length > MaxPackingRatio * Math.Max(1, entry.CompressedLength);
            if (packedTooTight || declared > MaxDeclaredUnpackedBytes)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first bytes of an entry as text, however much it holds or claims to hold.</summary>
    static string ReadStart(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        Span<byte> start = stackalloc byte[MimetypeBytesRead];
        int read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return System.Text.Encoding.ASCII.GetString(start[..read]).Trim();
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
