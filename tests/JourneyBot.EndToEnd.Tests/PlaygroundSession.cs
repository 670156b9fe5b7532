using JourneyBot.Testing;
using Microsoft.Playwright;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>
/// The whole local stack for one test class: the bot, Agents Playground pointed at it, and a
/// headless Chromium (Debian's) on the Playground's page. Every address is on 127.0.0.1.
/// </summary>
public sealed class PlaygroundSession : IAsyncLifetime
{
    private static int _sessions;
    private readonly string _linkKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private HeadlessChromium? _chromium;
    private string _table = string.Empty;
    private int _run;

    public BotServer Bot { get; private set; } = null!;
    public Playground Playground { get; private set; } = null!;
    public IPage Page => _chromium!.Page;

    /// <summary>Where this run's screenshots and logs go.</summary>
    public static string ArtifactsFolder { get; } = RepoPaths.Artifacts("e2e");

    public async ValueTask InitializeAsync()
    {
        var azurite = await Azurite.SharedAsync();
        // Test classes run side by side, each with its own stack: each keeps its own logs.
        _run = Interlocked.Increment(ref _sessions);
        _table = azurite.NewTableName();
        Bot = await BotServer.StartAsync(Path.Combine(ArtifactsFolder, $"bot-{_run}.log"), _table, linkKey: _linkKey);
        Playground = await Playground.StartAsync(Bot.MessagesUrl, Path.Combine(ArtifactsFolder, $"playground-{_run}.log"));
        _chromium = await HeadlessChromium.LaunchAsync();
        await Page.GotoAsync(Playground.PageUrl);
        // The Playground probes the bot and logs "Connected." in its log panel once it answers.
        await Page.Locator("div[contenteditable='true'][spellcheck='false']").GetByText("Connected.").WaitForAsync();
    }

    /// <summary>
    /// Stops the bot's process and starts a new one on the same port and storage, as a deployment
    /// or a crash would: nothing of the session may be lost.
    /// </summary>
    public async Task RestartBotAsync()
    {
        var port = Bot.Port;
        await Bot.DisposeAsync();
        Bot = await BotServer.StartAsync(Path.Combine(ArtifactsFolder, $"bot-{_run}-restarted.log"), _table, port, _linkKey);
    }

    /// <summary>Saves a full-page screenshot as a test artifact and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(ArtifactsFolder, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        RunSummary.Screenshot(path);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (Playground is not null)
        {
            await Playground.DisposeAsync();
        }

        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }
    }
}
