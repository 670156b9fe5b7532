using System.Text.RegularExpressions;
using JourneyBot.Testing;
using Microsoft.Playwright;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>
/// The whole local stack for one test class: the bot, Agents Playground pointed at it, and a
/// headless Chromium (Debian's) on the Playground's page. Every address is on 127.0.0.1.
/// </summary>
public sealed partial class PlaygroundSession : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static int _sessions;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BotServer Bot { get; private set; } = null!;
    public Playground Playground { get; private set; } = null!;
    public IPage Page { get; private set; } = null!;

    /// <summary>Where this run's screenshots and logs go.</summary>
    public static string ArtifactsFolder { get; } = RepoPaths.Artifacts("e2e");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException("Chromium is not installed: run scripts/ensure-tools.sh --browser (scripts/test.sh does).");
        }

        var azurite = await Azurite.SharedAsync();
        // Test classes run side by side, each with its own stack: each keeps its own logs.
        var run = Interlocked.Increment(ref _sessions);
        Bot = await BotServer.StartAsync(Path.Combine(ArtifactsFolder, $"bot-{run}.log"), azurite.NewTableName());
        Playground = await Playground.StartAsync(Bot.MessagesUrl, Path.Combine(ArtifactsFolder, $"playground-{run}.log"));

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        var context = await _browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1400, Height = 900 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        // Nothing leaves the machine: the page asks a CDN for fonts, which is refused here.
        await context.RouteAsync(url => !LoopbackUrl().IsMatch(url), route => route.AbortAsync());
        context.SetDefaultTimeout(30_000);
        // Two cores run the bot, Azurite, the Playground, Chromium and other tests at once: give
        // web-first assertions room (they still pass the moment the condition holds).
        Assertions.SetDefaultExpectTimeout(20_000);
        Page = await context.NewPageAsync();
        await Page.GotoAsync(Playground.PageUrl);
        // The Playground probes the bot and logs "Connected." in its log panel once it answers.
        await Page.Locator("div[contenteditable='true'][spellcheck='false']").GetByText("Connected.").WaitForAsync();
    }

    /// <summary>Saves a full-page screenshot as a test artifact and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(ArtifactsFolder, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Playground is not null)
        {
            await Playground.DisposeAsync();
        }

        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }
    }

    [GeneratedRegex(@"^https?://(127\.0\.0\.1|localhost|\[::1\])(:\d+)?/")]
    private static partial Regex LoopbackUrl();
}
