using JourneyBot.Testing;
using Microsoft.Playwright;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>
/// A facilitator runs a whole mapping session in a Teams channel of Agents Playground, start to
/// publish, by clicking the cards and typing in the thread as a person would.
/// </summary>
public sealed class MappingSessionTests(PlaygroundSession session) : IClassFixture<PlaygroundSession>
{
    private IPage Page => session.Page;

    [Fact]
    public async Task A_session_runs_from_start_to_publish_in_a_channel_thread()
    {
        await Page.GetByRole(AriaRole.Treeitem, new() { Name = "Shoe Co - General" }).ClickAsync();
        await PostMentioningBotAsync(Page.GetByRole(AriaRole.Group)
            .Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = "Post" }) })
            .GetByRole(AriaRole.Textbox), "start Shoe journey");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post" }).ClickAsync();

        var thread = Page.GetByRole(AriaRole.Group).Filter(new() { HasText = "start Shoe journey" }).First;
        var card = thread.Locator(".ac-adaptiveCard").Last;
        await Assertions.Expect(thread).ToContainTextAsync("Let's map “Shoe journey”");
        await AnswerAsync(card, "Business objective", "Help first-time runners buy their first pair online");
        await session.ScreenshotAsync("session-1-persona-card");
        await AnswerAsync(card, "Persona", "Ana, 34, starting to run, shops on her phone");
        await AnswerAsync(card, "Start point", "Decides to start running");
        await AnswerAsync(card, "End point", "First run in the new shoes");

        await card.GetByRole(AriaRole.Button, new() { Name = "Use this template" }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("Stages: 1. Awareness, 2. Consideration, 3. Purchase, 4. Retention, 5. Advocacy");
        await session.ScreenshotAsync("session-2-stages-card");
        await card.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // The session card becomes the contribution card, and a living progress card appears.
        var form = thread.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Everyone: add what you know" });
        var progress = thread.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Shoe journey · progress" });
        await Assertions.Expect(form).ToHaveCountAsync(1);
        await Assertions.Expect(progress).ToContainTextAsync("Contributed: nobody yet.");
        await Assertions.Expect(form).ToContainTextAsync("type @ and pick JourneyBot");
        await AddOnCardAsync(form, "+ Touchpoint", "What happens there?", "Product page with runner reviews", stage: "3. Purchase",
            choice: ("Channel", "Website"));
        await Assertions.Expect(thread).ToContainTextAsync("✔ Added touchpoint");
        await session.ScreenshotAsync("session-3-contribution-added");

        // Asked once for a department.
        var department = thread.Locator(".ac-adaptiveCard").Filter(new() { HasText = "which department are you in?" });
        await department.GetByLabel("Department").FillAsync("Marketing");
        await department.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(thread).ToContainTextAsync("you're in Marketing");
        await Assertions.Expect(thread).ToContainTextAsync("✔ Marketing");
        await Assertions.Expect(department).ToHaveCountAsync(0); // the question became its answer in place

        // The next entry starts on the stage just used: its text is all it needs.
        await AddOnCardAsync(form, "+ Idea", "The idea", "Size advice in the product page chat");
        await Assertions.Expect(form).ToContainTextAsync("✔ Added opportunity");
        await Assertions.Expect(form).ToContainTextAsync("to Purchase");

        // On the card replaced in place, each drop-down opens its own list (the Playground once
        // opened the next one's): the stages under Stage, the evidence levels under its own.
        await AddOnCardAsync(form, "+ Pain point", "What gets in the way?", "Checkout asks for an account", stage: "4. Retention",
            choice: ("How do we know?", "Observed"));
        await Assertions.Expect(form).ToContainTextAsync("✔ Added pain point");
        await Assertions.Expect(form).ToContainTextAsync("to Retention");

        // A typed contribution is confirmed on the progress card, not by a post.
        var reply = thread.Locator("[data-lexical-editor]");
        await PostMentioningBotAsync(reply, "pain Purchase | The size guide is confusing | reported");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(progress).ToContainTextAsync("Pain point · The size guide is confusing — Alex Wilber");
        await Assertions.Expect(progress).ToContainTextAsync("3. Purchase — 1 touchpoint, 1 pain point, 1 opportunity");
        await Assertions.Expect(progress).ToContainTextAsync("4. Retention — 1 pain point");
        await Assertions.Expect(progress).ToContainTextAsync("Alex Wilber (Marketing) 4");
        await Assertions.Expect(progress).ToHaveCountAsync(1); // updated in place, never posted again
        await Assertions.Expect(thread).Not.ToContainTextAsync("The size guide is confusing, by Alex Wilber");
        await session.ScreenshotAsync("session-3b-progress-card");

        // The facilitator's button is on the progress card; it sends nothing, so nothing holds it back.
        await progress.GetByRole(AriaRole.Button, new() { Name = "Go to review (facilitator)" }).ClickAsync();

        var review = thread.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Step 7 of 7: Review and vote" }).Last;
        await Assertions.Expect(review).ToContainTextAsync("Gaps still open");
        await review.GetByRole(AriaRole.Checkbox, new() { Name = "Pain point · ◐ The size guide is confusing" }).CheckAsync();
        await review.GetByRole(AriaRole.Button, new() { Name = "Vote", Exact = true }).ClickAsync();
        await Assertions.Expect(review).ToContainTextAsync("voted for 1 item");
        await Assertions.Expect(review).ToContainTextAsync("Alex Wilber: 4 of 5 votes left.");
        await Assertions.Expect(review.GetByRole(AriaRole.Checkbox).First).ToBeCheckedAsync();
        await session.ScreenshotAsync("session-4-review-voted");
        await review.GetByRole(AriaRole.Button, new() { Name = "Publish (facilitator)" }).ClickAsync();

        var map = thread.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Customer journey map · published" });
        await Assertions.Expect(map).ToContainTextAsync("Objective: Help first-time runners buy their first pair online");
        await Assertions.Expect(map).ToContainTextAsync("Journey: Decides to start running → First run in the new shoes");
        await Assertions.Expect(map).ToContainTextAsync("Website: ● Product page with runner reviews");
        await Assertions.Expect(map).ToContainTextAsync("Pain points: ◐ The size guide is confusing · 1 vote");
        await Assertions.Expect(map).ToContainTextAsync("Marketing: Alex Wilber");
        // A page tall enough for the whole card: an element shot taken while scrolling catches the Playground's toolbar.
        await Page.SetViewportSizeAsync(1400, 3200);
        var mapShot = Path.Combine(PlaygroundSession.ArtifactsFolder, "session-5-published-map.png");
        await map.ScreenshotAsync(new() { Path = mapShot });
        RunSummary.Screenshot(mapShot);

        // The card's button opens the full map, served by the bot behind a signed link. The
        // Playground does not follow Action.OpenUrl, but shows its address in the button's tooltip.
        var open = map.Locator("[aria-label='Open the full map'], [title^='Open the full map']").First;
        var tooltip = await open.GetAttributeAsync("title") ?? string.Empty;
        var fullMapUrl = tooltip.Split('\n').Last().Trim();
        Assert.StartsWith($"http://127.0.0.1:{session.Bot.Port}/maps/", fullMapUrl, StringComparison.Ordinal);
        var fullMap = await Page.Context.NewPageAsync();
        await fullMap.GotoAsync(fullMapUrl);
        await Assertions.Expect(fullMap.Locator("h1")).ToHaveTextAsync("Shoe journey");
        await Assertions.Expect(fullMap.Locator("table")).ToContainTextAsync("Website: Product page with runner reviews");
        await Assertions.Expect(fullMap.Locator("table")).ToContainTextAsync("The size guide is confusing");
        var pageShot = Path.Combine(PlaygroundSession.ArtifactsFolder, "session-6-full-map-page.png");
        await fullMap.ScreenshotAsync(new() { Path = pageShot, FullPage = true });
        RunSummary.Screenshot(pageShot);

        // The exports beside the page download with their types.
        foreach (var (format, type) in new[] { ("csv", "text/csv"), ("md", "text/markdown"), ("json", "application/json") })
        {
            var export = await fullMap.APIRequest.GetAsync(fullMapUrl + "/" + format);
            Assert.Equal(200, export.Status);
            Assert.StartsWith(type, export.Headers["content-type"], StringComparison.Ordinal);
            Assert.Contains("The size guide is confusing", await export.TextAsync(), StringComparison.Ordinal);
        }
    }

    private static async Task AnswerAsync(ILocator card, string label, string answer)
    {
        await card.GetByLabel(label).FillAsync(answer);
        await card.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(card.GetByLabel(label)).ToHaveCountAsync(0);
    }

    // Opens an entry of the contribution card, fills it and presses its Add; the stage is picked
    // only when given (else the entry starts on the stage used last).
    private async Task AddOnCardAsync(ILocator card, string entry, string textLabel, string text, string? stage = null,
        (string Label, string Option)? choice = null)
    {
        await card.GetByRole(AriaRole.Button, new() { Name = entry, Exact = true }).ClickAsync();
        if (stage is not null)
        {
            await PickAsync(card, "Stage", stage);
        }

        await card.GetByLabel(textLabel).FillAsync(text);
        if (choice is var (label, option))
        {
            await PickAsync(card, label, option);
        }

        // Every entry asks how we know, with nothing picked.
        await PickAsync(card, "How do we know?", "Observed");
        await card.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
    }

    private Task PickAsync(ILocator card, string label, string option) => PlaygroundSession.PickAsync(Page, card, label, option);

    // A real mention, as Teams makes it, then the text.
    private Task PostMentioningBotAsync(ILocator box, string text) => PlaygroundSession.MentionBotAsync(Page, box, text);
}
