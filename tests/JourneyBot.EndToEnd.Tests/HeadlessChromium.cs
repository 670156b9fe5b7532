using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright, with every request that would leave the
/// machine refused.
/// </summary>
public sealed partial class HeadlessChromium : IAsyncDisposable
{
    private const string ExecutablePath = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    /// <summary>The one page.</summary>
    public IPage Page { get; }

    /// <summary>Launches it with one page of <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static async Task<HeadlessChromium> LaunchAsync(int width = 1400, int height = 900)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException("Chromium is not installed: run scripts/ensure-tools.sh --browser (scripts/test.sh does).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        // Nothing leaves the machine (the Playground's page asks a CDN for fonts, for one).
        await context.RouteAsync(url => !LoopbackOrLocal().IsMatch(url), route => route.AbortAsync());
        context.SetDefaultTimeout(30_000);
        // Two cores run the bot, Azurite, the Playground, Chromium and other tests at once: give
        // web-first assertions room (they still pass the moment the condition holds).
        Assertions.SetDefaultExpectTimeout(20_000);
        return new HeadlessChromium(playwright, browser, await context.NewPageAsync());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    [GeneratedRegex(@"^(https?://(127\.0\.0\.1|localhost|\[::1\])(:\d+)?/|about:|data:)")]
    private static partial Regex LoopbackOrLocal();
}
