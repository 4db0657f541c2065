using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;
using Tilskudd.Testing;

namespace Tilskudd.Web.Tests.Fixtures;

/// <summary>
/// One page in its own context, watching for script errors and Content-Security-Policy
/// violations, with the checks every page gets: axe-core and screenshots at phone and desktop width.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    public static readonly string ScreenshotDirectory = Path.Combine(RepoPaths.Root, "TestResults", "screenshots");

    static readonly (string Name, int Width, int Height)[] Widths = [("360", 360, 780), ("1280", 1280, 900)];

    // WCAG 2.1 A and AA, plus axe's best practices (landmarks, one h1, headings in order).
    static readonly string[] AxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    readonly IBrowserContext context;
    readonly ConcurrentQueue<string> problems = new();

    public BrowserPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.PageError += (_, error) => problems.Enqueue($"script error: {error}");
        page.Console += (_, message) =>
        {
            // Failed requests (a 400 the page handles) are logged too; a blocked script or style is what counts.
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                problems.Enqueue($"console error: {message.Text}");
            }
        };
    }

    public IPage Page { get; }

    public IKeyboard Keyboard => Page.Keyboard;

    public ILocator this[string selector] => Page.Locator(selector);

    /// <summary>Opens a path and waits until the page has drawn its data (main is no longer busy).</summary>
    public async Task GoAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitUntilDrawnAsync();
    }

    /// <summary>
    /// Who uses the pages from now on in this tab: a token from the host's /dev/token in sessionStorage, as the
    /// /logg-inn page keeps it. "organisation" is an applicant acting for <paramref name="organisationNumber"/>;
    /// caseworkers and decision makers work for Oslo and Alta.
    /// </summary>
    public async Task ActAsAsync(string role, string user, string organisationNumber = ApplicationSteps.ValidOrganisationNumber)
    {
        if (!Page.Url.StartsWith("http", StringComparison.Ordinal))
        {
            await Page.GotoAsync("/ressurser/tilskudd.css");
        }

        string query = role == "organisation"
            ? $"role=applicant&user={Uri.EscapeDataString(user)}&org={organisationNumber}"
            : $"role={Uri.EscapeDataString(role)}&user={Uri.EscapeDataString(user)}&kommune=0301,5603";
        string token = await Page.EvaluateAsync<string>(
            "async query => { const r = await fetch('/dev/token?' + query); if (!r.ok) throw new Error('GET /dev/token: ' + r.status); return (await r.json()).token; }",
            query);
        await Page.EvaluateAsync("token => sessionStorage.setItem('tilskudd.token', token)", token);
    }

    /// <summary>
    /// Signs in on /logg-inn (the development chooser): on behalf of <paramref name="organisationNumber"/>, or as a
    /// private person when null; the token stays in this page's sessionStorage. Ends on the front page.
    /// </summary>
    /// <summary>
    /// Waits until the browser is at the address, not for its "load" event: a page is ready when it says so
    /// (<see cref="WaitUntilDrawnAsync"/>, which each test calls next). Three CI runs timed out waiting for "load" after a
    /// sign-in or a redirect by script (30 s) on pages that draw from the Api.
    /// </summary>
    public static PageWaitForURLOptions Committed { get; } = new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 };

    public async Task SignInAsync(string? organisationNumber = null)
    {
        await Page.GotoAsync("/logg-inn?tilbake=/");
        await FillSignInAsync(organisationNumber);
        try
        {
            await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", Committed);
        }
        catch (TimeoutException e)
        {
            // Once in a full CI run (2 December) the front page had not come 30 s after the click; say where the page stood.
            throw new TimeoutException($"The sign-in did not reach the front page within 60 s: {await StateAsync()}", e);
        }

        await WaitUntilDrawnAsync();
    }

    /// <summary>Where the page stands, for a failure's message: its address, and the sign-in page's error and button when shown.</summary>
    async Task<string> StateAsync()
    {
        try
        {
            string detail = await Page.EvaluateAsync<string>(
                "() => { const e = document.getElementById('innloggingsfeil'); const b = document.getElementById('logg-inn'); " +
                "return `ready ${document.readyState}; error ${e && !e.hidden ? JSON.stringify(e.textContent) : 'none'}; button ${b ? (b.disabled ? 'disabled' : 'enabled') : 'none'}`; }");
            return $"{Page.Url}; {detail}";
        }
        catch (PlaywrightException e)
        {
            return $"{Page.Url}; page not readable ({e.Message})";
        }
    }

    /// <summary>Fills and sends the sign-in page the browser is on.</summary>
    public async Task FillSignInAsync(string? organisationNumber)
    {
        if (organisationNumber is null)
        {
            await Page.Locator("#som-privat").CheckAsync();
        }
        else
        {
            await Page.Locator("#org").FillAsync(organisationNumber);
        }

        await Page.Locator("#navn").FillAsync("Kari Testesen");
        await Page.Locator("#logg-inn").ClickAsync();
    }

    /// <summary>The token the pages keep in sessionStorage, to read the Api as the same person.</summary>
    public Task<string> TokenAsync() => Page.EvaluateAsync<string>("() => sessionStorage.getItem('tilskudd.token') ?? ''");

    public Task WaitUntilDrawnAsync() => Page.Locator("main[aria-busy='false']").WaitForAsync();

    /// <summary>The id of the element that has keyboard focus.</summary>
    public Task<string> FocusedIdAsync() => Page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");

    /// <summary>Presses Tab until the element with this id has focus, as a keyboard user would.</summary>
    public async Task TabToAsync(string id, int maxPresses = 25)
    {
        for (int i = 0; i < maxPresses; i++)
        {
            if (await FocusedIdAsync() == id)
            {
                return;
            }

            await Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"#{id} was not reached with {maxPresses} presses of Tab; focus is on #{await FocusedIdAsync()}.");
    }

    /// <summary>
    /// Runs axe-core at phone and desktop width and saves a full-page screenshot of each; fails
    /// listing every violation. Also fails on any script error or CSP violation seen so far.
    /// </summary>
    public async Task CheckAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var violations = new List<string>();
        foreach (var (label, width, height) in Widths)
        {
            await Page.SetViewportSizeAsync(width, height);
            violations.AddRange((await AxeViolationsAsync()).Select(v => $"{label} px: {v}"));
            await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"{name}-{label}.png"), FullPage = true });
        }

        await Page.SetViewportSizeAsync(1280, 900);
        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} violation(s) on {name}:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        AssertNoProblems();
    }

    /// <summary>What axe-core finds on the page as it is now, one line per rule broken.</summary>
    public async Task<IReadOnlyList<string>> AxeViolationsAsync()
    {
        var found = await Page.EvaluateAsync<JsonElement>(
            """
            async tags => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """,
            AxeTags);
        return found.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    public void AssertNoProblems() =>
        Assert.True(problems.IsEmpty, "The page reported problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems));

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
