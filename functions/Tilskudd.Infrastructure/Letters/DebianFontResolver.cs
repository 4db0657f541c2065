using PdfSharp.Fonts;

namespace Tilskudd.Infrastructure.Letters;

/// <summary>
/// PdfSharp 6 looks up no system fonts on Linux: letters are set in DejaVu Sans, read from the app's own Fonts
/// folder (copied there at build from Debian's fonts-dejavu-core) or from /usr/share/fonts. Every family asked
/// for resolves to it, so a letter never fails on a missing face.
/// </summary>
public sealed class DebianFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";

    const string Regular = "DejaVuSans";
    const string Bold = "DejaVuSans-Bold";

    static readonly string[] Folders =
    [
        Path.Combine(AppContext.BaseDirectory, "Fonts"),
        "/usr/share/fonts/truetype/dejavu",
    ];

    static readonly object Gate = new();

    /// <summary>Installs the resolver once per process (PdfSharp's font settings are global).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not DebianFontResolver)
            {
                GlobalFontSettings.FontResolver = new DebianFontResolver();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        foreach (string folder in Folders)
        {
            string file = Path.Combine(folder, faceName + ".ttf");
            if (File.Exists(file))
            {
                return File.ReadAllBytes(file);
            }
        }

        throw new FileNotFoundException(
            $"Font {faceName}.ttf is in none of {string.Join(", ", Folders)}: install Debian's fonts-dejavu-core (test.sh and run.sh do).");
    }
}
