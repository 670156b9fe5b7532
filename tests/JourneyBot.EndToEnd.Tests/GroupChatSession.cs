using Microsoft.Playwright;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>The facilitator's side of a session in the Playground's group chat ("Journey crew"), as they type and press it.</summary>
internal static class GroupChatSession
{
    /// <summary>Opens the group chat and returns its message box.</summary>
    public static async Task<ILocator> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByRole(AriaRole.Treeitem, new() { Name = "Journey crew" }).ClickAsync();
        return page.Locator("[data-lexical-editor]").Last;
    }

    /// <summary>Says <paramref name="text"/> to the bot, with a real mention picked from the @ menu.</summary>
    public static async Task SayAsync(IPage page, ILocator box, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(box);
        await box.ClickAsync();
        await page.Keyboard.TypeAsync("@");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "JourneyBot" }).ClickAsync();
        await page.Keyboard.TypeAsync(" " + text);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>
    /// Starts <paramref name="mapName"/> and answers its setup card (the objective, a persona, start
    /// and end, the five-stage template) up to the contributions, whose progress card it returns.
    /// </summary>
    public static async Task<ILocator> StartAtContributionsAsync(IPage page, ILocator box, string mapName, string objective)
    {
        await SayAsync(page, box, "start " + mapName);
        var card = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = mapName + " · Step" }).Last;
        foreach (var (label, answer) in new[]
        {
            ("Business objective", objective),
            ("Persona", "Ana, 34, new runner"),
            ("Start point", "Decides to start running"),
            ("End point", "First run in the new shoes"),
        })
        {
            await card.GetByLabel(label).FillAsync(answer);
            await card.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Assertions.Expect(card.GetByLabel(label)).ToHaveCountAsync(0);
        }

        await card.GetByRole(AriaRole.Button, new() { Name = "Use this template" }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        var progress = page.Locator(".ac-adaptiveCard").Filter(new() { HasText = mapName + " · progress" });
        await Assertions.Expect(progress).ToHaveCountAsync(1);
        return progress.Last;
    }
}
