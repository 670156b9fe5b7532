using JourneyBot.Testing;
using Microsoft.Playwright;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>
/// Versions in a team channel of Agents Playground: a map published, opened again, changed (a
/// touchpoint and a pain point taken back, a touchpoint added, a feeling changed) and published
/// again; the second publish posts "What changed since v1" with both emotion curves on one picture.
/// Every button of that card is pressed, and what it opens is read (the Playground does not follow
/// Action.OpenUrl but shows its address in the button's tooltip).
/// </summary>
public sealed class VersionsSessionTests(PlaygroundSession session) : IClassFixture<PlaygroundSession>
{
    private const string MapName = "Versioned shoe journey";

    private IPage Page => session.Page;

    [Fact]
    public async Task Publishing_twice_posts_what_changed_with_both_curves_and_its_buttons_open_the_changes()
    {
        var thread = await session.PostMentioningBotAsync("Shoe Co - General", "start " + MapName);
        var card = thread.Root.Locator(".ac-adaptiveCard").First;
        await AnswerAsync(card, "Business objective", "More first-time runners buy online");
        await AnswerAsync(card, "Persona", "Ana, 34, starting to run");
        await AnswerAsync(card, "Start point", "Decides to start running");
        await AnswerAsync(card, "End point", "First run in the new shoes");
        await card.GetByRole(AriaRole.Button, new() { Name = "Use this template", Exact = true }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("5. Advocacy");
        await card.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await Assertions.Expect(thread.Root).ToContainTextAsync("Everyone: add what you know");

        await SayAsync(thread, "department Marketing");
        var progress = thread.Root.Locator(".ac-adaptiveCard").Filter(new() { HasText = MapName + " · progress" }).Last;
        // One at a time, each seen on the progress card: undo takes back the newest.
        var items = new[]
        {
            // Each says how we know, so no item asks it in the thread.
            "touchpoint Purchase | website | Checkout page | observed", "emotion Awareness | 1 | curious | reported", "emotion Purchase | -2 | wary | reported",
            "pain Purchase | Shipping cost shows late | observed", "touchpoint Purchase | phone | Phone order | observed",
        };
        for (var i = 0; i < items.Length; i++)
        {
            await SayAsync(thread, items[i]);
            await Assertions.Expect(progress).ToContainTextAsync($"Alex Wilber (Marketing) {i + 1}");
        }

        await SayAsync(thread, "publish");
        var first = thread.Root.Locator(".ac-adaptiveCard").Filter(new() { HasText = "· version 1" });
        await Assertions.Expect(first).ToContainTextAsync("Phone: ● Phone order");

        // Opened again: the last two items taken back, one added, a feeling changed; then published again.
        await SayAsync(thread, "open " + MapName);
        await Assertions.Expect(thread.Root).ToContainTextAsync("Opened “" + MapName + "” again.");
        await SayAsync(thread, "undo");
        await Assertions.Expect(thread.Root).ToContainTextAsync("Removed your last touchpoint");
        await SayAsync(thread, "undo");
        await Assertions.Expect(thread.Root).ToContainTextAsync("Removed your last pain point");
        await SayAsync(thread, "touchpoint Awareness | social | Instagram ad | observed");
        await SayAsync(thread, "emotion Purchase | 1 | relieved | reported");
        await Assertions.Expect(progress).ToContainTextAsync("Instagram ad");
        await SayAsync(thread, "publish");

        var second = thread.Root.Locator(".ac-adaptiveCard").Filter(new() { HasText = "· version 2" });
        await Assertions.Expect(second).ToContainTextAsync("Social networks: ● Instagram ad");
        var changes = thread.Root.Locator(".ac-adaptiveCard").Filter(new() { HasText = "What changed since v1" });
        await Assertions.Expect(changes).ToContainTextAsync("Touchpoints added: Instagram ad");
        await Assertions.Expect(changes).ToContainTextAsync("Touchpoints removed: Phone order");
        await Assertions.Expect(changes).ToContainTextAsync("Feeling: −2.0 → +1.0");
        await Assertions.Expect(changes).ToContainTextAsync("Pain point gone: Shipping cost shows late");
        await Assertions.Expect(changes).ToContainTextAsync("The solid line is version 2; the dashed grey line is version 1.");
        var curves = changes.Locator("img[src^='data:image/png']");
        await Assertions.Expect(curves).ToHaveCountAsync(1);
        await Page.SetViewportSizeAsync(1400, 3200);
        await session.ScreenshotAsync("versions-1-what-changed-card", changes);
        await session.ScreenshotAsync("versions-2-two-curves", curves);
        await session.ScreenshotAsync("versions-3-thread", thread.Root);

        // Every button of the card: the full page at its changes, and the changes as Markdown.
        var allChanges = await PressAndReadLinkAsync(changes, "All changes");
        var markdown = await PressAndReadLinkAsync(changes, "Changes (Markdown)");
        Assert.StartsWith($"http://127.0.0.1:{session.Bot.Port}/maps/", allChanges, StringComparison.Ordinal);
        Assert.EndsWith("#changes", allChanges, StringComparison.Ordinal);
        var page = await Page.Context.NewPageAsync();
        await page.GotoAsync(allChanges);
        await Assertions.Expect(page.Locator("#changes")).ToHaveTextAsync("What changed since v1");
        await Assertions.Expect(page.Locator("#versions + ul")).ToContainTextAsync("version 2 (shown)");
        await Assertions.Expect(page.Locator("#versions + ul")).ToContainTextAsync("v1: published");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlaygroundSession.ArtifactsFolder, "versions-4-page-changes.png"), FullPage = true });
        RunSummary.Screenshot(Path.Combine(PlaygroundSession.ArtifactsFolder, "versions-4-page-changes.png"));
        await page.Locator("#versions + ul a").First.ClickAsync();
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Phone order");
        var export = await page.APIRequest.GetAsync(markdown);
        Assert.Equal(200, export.Status);
        Assert.StartsWith("text/markdown", export.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("Touchpoints removed: Phone order", await export.TextAsync(), StringComparison.Ordinal);

        await SayAsync(thread, "versions");
        await Assertions.Expect(thread.Root).ToContainTextAsync("Published versions of “" + MapName + "”");
        RunSummary.Add("versions session: published twice; the What changed card, its two curves and both its buttons checked");
    }

    // Presses a button of the card (nothing opens in the Playground) and returns the address its tooltip shows.
    private static async Task<string> PressAndReadLinkAsync(ILocator card, string button)
    {
        var press = card.Locator($"[aria-label='{button}'], [title^='{button}']").First;
        await press.ClickAsync();
        var tooltip = await press.GetAttributeAsync("title") ?? string.Empty;
        return tooltip.Split('\n').Last().Trim();
    }

    // A reply in the thread with a mention; a typed item is confirmed on the progress card, not by a
    // post, so what follows waits for what the reply changes where it matters.
    private static async Task SayAsync(ChannelThread thread, string text)
    {
        await thread.ReplyMentioningBotAsync(text);
        await Assertions.Expect(thread.Root.Locator("[data-lexical-editor]")).ToHaveTextAsync(string.Empty);
    }

    private static async Task AnswerAsync(ILocator card, string label, string answer)
    {
        await card.GetByLabel(label).FillAsync(answer);
        await card.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(card.GetByLabel(label)).ToHaveCountAsync(0);
    }
}
