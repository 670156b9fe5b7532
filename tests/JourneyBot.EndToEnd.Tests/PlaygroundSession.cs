using System.Text.RegularExpressions;
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

    /// <summary>What the Playground sent the bot, for the conversation ids the page does not show.</summary>
    public ActivityTap Tap { get; private set; } = null!;
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
        Tap = await ActivityTap.StartAsync(() => Bot.MessagesUrl);
        Playground = await Playground.StartAsync(Tap.MessagesUrl, Path.Combine(ArtifactsFolder, $"playground-{_run}.log"));
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

    /// <summary>Saves a screenshot of <paramref name="element"/> alone (a thread, a card) as a test artifact and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, ILocator element)
    {
        ArgumentNullException.ThrowIfNull(element);
        // The Playground scrolls its messages inside the page, below its toolbar: a window shorter
        // than the element cuts it, and a shot taken while scrolling catches the toolbar.
        var window = Page.ViewportSize!;
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException($"'{name}': the element is not visible.");
        await Page.SetViewportSizeAsync(window.Width, Math.Max(window.Height, (int)box.Height + 400));
        var path = Path.Combine(ArtifactsFolder, name + ".png");
        await element.ScreenshotAsync(new() { Path = path });
        await Page.SetViewportSizeAsync(window.Width, window.Height);
        RunSummary.Screenshot(path);
        return path;
    }

    /// <summary>
    /// Opens <paramref name="channel"/> (as the left column names it, e.g. "Shoe Co - General"),
    /// starts a new post there that mentions the bot followed by <paramref name="text"/>, and
    /// returns the post's thread.
    /// </summary>
    public async Task<ChannelThread> PostMentioningBotAsync(string channel, string text)
    {
        await Page.GetByRole(AriaRole.Treeitem, new() { Name = channel }).ClickAsync();
        var newPost = Page.GetByRole(AriaRole.Group).Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = "Post" }) });
        await MentionBotAsync(Page, newPost.GetByRole(AriaRole.Textbox), text);
        await newPost.GetByRole(AriaRole.Button, new() { Name = "Post" }).ClickAsync();
        // The thread is the group whose first post reads "<bot> <text>" (a person's post shows its
        // text right under the group); the newest such thread is listed first.
        var firstPost = Page.Locator(":scope > span", new() { HasTextRegex = new Regex("^" + Regex.Escape(Playground.BotName + " " + text) + "$") });
        var thread = Page.GetByRole(AriaRole.Group).Filter(new() { Has = firstPost }).First;
        await thread.WaitForAsync();
        return new ChannelThread(Page, thread);
    }

    /// <summary>
    /// Types "@" in <paramref name="box"/>, picks the bot from the menu that opens, then types
    /// <paramref name="text"/>: a real mention, as Teams makes it (typed "@JourneyBot" text is none).
    /// </summary>
    public static async Task MentionBotAsync(IPage page, ILocator box, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(box);
        await box.ClickAsync();
        await page.Keyboard.TypeAsync("@");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = Playground.BotName }).ClickAsync();
        // The pick turns into a mention chip; text typed before it does would not follow it.
        await box.Locator("span.mention").WaitForAsync();
        await page.Keyboard.TypeAsync(" " + text);
    }

    /// <summary>Opens the drop-down labelled <paramref name="label"/> on <paramref name="card"/> and picks <paramref name="option"/>.</summary>
    public static async Task PickAsync(IPage page, ILocator card, string label, string option)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(card);
        await card.GetByRole(AriaRole.Combobox, new() { Name = label }).ClickAsync();
        // Exact: "App" is also part of "WhatsApp".
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
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

        if (Tap is not null)
        {
            await Tap.DisposeAsync();
        }

        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }
    }
}
