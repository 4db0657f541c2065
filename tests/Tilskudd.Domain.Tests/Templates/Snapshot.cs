using System.Runtime.CompilerServices;
using Tilskudd.Domain.Templates;

namespace Tilskudd.Domain.Tests.Templates;

/// <summary>
/// Compares a rendered mail with the file Snapshots/{name}.txt beside this source file. A missing
/// snapshot is written and the test fails, so a new snapshot is always looked at before it is committed;
/// set UPDATE_SNAPSHOTS=1 to rewrite snapshots after an intended change.
/// </summary>
static class Snapshot
{
    public static string Directory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Snapshots");

    public static string Text(RenderedMail mail) =>
        $"Emne: {mail.Subject}\n\n{mail.TextBody}\n----- html -----\n{mail.HtmlBody}";

    public static void Matches(string name, RenderedMail mail, bool mayWrite = true)
    {
        string actual = Text(mail);
        string path = Path.Combine(Directory(), name + ".txt");
        bool update = mayWrite && Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";
        if (mayWrite && (!File.Exists(path) || update))
        {
            File.WriteAllText(path, actual);
            Assert.Fail(update ? $"Snapshot {name} rewritten; run again without UPDATE_SNAPSHOTS." : $"Snapshot {name} was missing and has been written to {path}; check it and run again.");
        }

        string expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }
}
