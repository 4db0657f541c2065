using Microsoft.Playwright;
using Tilskudd.Testing;

[assembly: AssemblyFixture(typeof(Tilskudd.Web.Tests.Fixtures.WebFixture))]

namespace Tilskudd.Web.Tests.Fixtures;

/// <summary>
/// One Azurite, one running Tilskudd.Local and one headless Chromium (Debian's, at
/// /usr/bin/chromium) for the browser tests of this assembly. Each test opens its own context,
/// so drafts in localStorage never leak between tests.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    AzuriteProcess? azurite;

    /// <summary>
    /// The browser runs on the machine's real clock, also when the suite runs on a moved date (./test.sh --date): Chromium
    /// under Debian's libfaketime never finished loading a page (every navigation timed out). What the pages show of
    /// dates comes from the host, whose development clock the tests set; the browser's own clock decides nothing here.
    /// </summary>
    static Dictionary<string, string> BrowserEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => (Name: (string)e.Key, Value: (string?)e.Value ?? ""))
            .Where(e => e.Name != "LD_PRELOAD" && !e.Name.StartsWith("FAKETIME", StringComparison.Ordinal))
            .ToDictionary(e => e.Name, e => e.Value);
    IPlaywright? playwright;

    public LocalHostProcess Host { get; private set; } = null!;

    /// <summary>The Azurite every host of this assembly stores in, for a test that needs a host of its own (one whose clock it moves).</summary>
    public string StorageConnectionString => azurite!.ConnectionString;

    public HttpClient Http { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>axe-core as pinned in the repository's package.json.</summary>
    public string AxeScript { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        // Expect(...) retries until its condition holds: 5 s by default, too short for a page that asks the Api on a loaded machine.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(20_000);
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: run ./test.sh (it installs Debian's chromium).");
        }

        string axe = Path.Combine(RepoPaths.Root, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(axe))
        {
            throw new InvalidOperationException($"axe-core is not installed at {axe}: run ./test.sh (it runs npm ci).");
        }

        AxeScript = await File.ReadAllTextAsync(axe);
        var startAzurite = AzuriteProcess.StartAsync();
        playwright = await Playwright.CreateAsync();
        var launch = playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs, Env = BrowserEnvironment() });
        azurite = await startAzurite;
        Host = new LocalHostProcess(azurite.ConnectionString, "TilskuddWebTests");
        await Host.StartAsync();
        Browser = await launch;
        Http = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromMinutes(1) };
    }

    /// <summary>A fresh browser context (own storage) with axe-core injected into every document; on the shared host unless told.</summary>
    public async Task<BrowserPage> NewPageAsync(Uri? host = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = (host ?? Host.BaseAddress).ToString(),
            Locale = "nb-NO",
            TimezoneId = "Europe/Oslo",
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        // Generous bounds for a loaded machine (a CI run beside another suite once took a navigation past 15 s); a step
        // that passes waits no longer for them, and one that fails says what it waited for.
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(60_000);
        // An init script is not subject to the pages' Content-Security-Policy, so the policy stays as served.
        await context.AddInitScriptAsync(AxeScript);
        return new BrowserPage(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
