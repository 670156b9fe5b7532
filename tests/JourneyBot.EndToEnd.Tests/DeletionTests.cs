using Microsoft.Playwright;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>
/// Deleting a map in Agents Playground, as its facilitator does: the confirmation card's Keep
/// deletes nothing, its Delete removes the map, and the list no longer has it.
/// </summary>
public sealed class DeletionTests(PlaygroundSession session) : IClassFixture<PlaygroundSession>
{
    private IPage Page => session.Page;

    [Fact]
    public async Task The_facilitator_keeps_then_deletes_a_map_from_the_confirmation_card()
    {
        await Page.GetByRole(AriaRole.Treeitem, new() { Name = "Personal Chat" }).ClickAsync();
        // Opening the app installs it; the chat is ready once the welcome is there.
        await Assertions.Expect(Page.Locator(".fai-OutputCard").First).ToContainTextAsync("Hi, I'm JourneyBot");
        await SayAsync("start Checkout study");
        await Assertions.Expect(Page.Locator(".fai-OutputCard").Last).ToContainTextAsync("Checkout study");

        await SayAsync("delete map Checkout study");
        var asked = Page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Delete “Checkout study” for good?" }).Last;
        await Assertions.Expect(asked).ToContainTextAsync("This can't be undone.");
        await session.ScreenshotAsync("delete-map-asked", asked);
        await asked.GetByRole(AriaRole.Button, new() { Name = "Keep" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Kept: nothing was deleted." })).ToHaveCountAsync(1);

        await SayAsync("delete map Checkout study");
        var again = Page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Delete “Checkout study” for good?" }).Last;
        await again.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        var deleted = Page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Deleted “Checkout study” and everything stored for it." });
        await Assertions.Expect(deleted).ToHaveCountAsync(1);
        await session.ScreenshotAsync("delete-map-done", deleted);

        await SayAsync("maps");
        await Assertions.Expect(Page.Locator(".fai-OutputCard").Last).Not.ToContainTextAsync("Checkout study");
    }

    private async Task SayAsync(string text)
    {
        // The chat's message box, not a card's text input (the step card asks for the objective).
        await Page.Locator("div[role='textbox'][contenteditable='true']").ClickAsync();
        await Page.Keyboard.TypeAsync(text);
        await Page.Keyboard.PressAsync("Enter");
    }
}
