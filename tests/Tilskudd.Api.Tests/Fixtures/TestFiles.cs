using System.IO.Compression;
using System.Text;

namespace Tilskudd.Api.Tests.Fixtures;

/// <summary>Small real files of each kind the form accepts, and some it must refuse.</summary>
static class TestFiles
{
    public static byte[] Pdf(int size = 2_000, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static byte[] Png() =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    public static byte[] Xlsx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", "<Types/>");
            Write(zip, "xl/workbook.xml", "<workbook/>");
        }

        return buffer.ToArray();
    }

    /// <summary>A Windows executable wearing a .pdf name.</summary>
    public static byte[] ExecutableNamedPdf() => [.. "MZ"u8, .. new byte[200]];

    static void Write(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
