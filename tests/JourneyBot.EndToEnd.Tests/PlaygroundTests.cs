using JourneyBot.Testing;
using Microsoft.Playwright;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>A person in Agents Playground (Teams look-alike) talks to the real bot.</summary>
public sealed class PlaygroundTests(PlaygroundSession session) : IClassFixture<PlaygroundSession>
{
    private IPage Page => session.Page;

    [Fact]
    public async Task The_personal_chat_shows_the_welcome_and_help_typed_there_is_answered()
    {
        await Page.GetByRole(AriaRole.Treeitem, new() { Name = "Personal Chat" }).ClickAsync();
        // Opening the app installs it: the bot's welcome is the first thing in the chat.
        await Assertions.Expect(Page.Locator(".fai-OutputCard").First).ToContainTextAsync("Hi, I'm JourneyBot");

        await Page.GetByRole(AriaRole.Textbox).ClickAsync();
        await Page.Keyboard.TypeAsync("help");
        await Page.Keyboard.PressAsync("Enter");

        var answer = Page.Locator(".fai-OutputCard").Last;
        await Assertions.Expect(answer).ToContainTextAsync("JourneyBot leads a team through customer journey mapping in chat.");
        await Assertions.Expect(answer.Locator("strong").First).ToHaveTextAsync("JourneyBot");
        await session.ScreenshotAsync("personal-chat-help");
    }

    [Fact]
    public async Task In_a_team_channel_a_post_that_mentions_the_bot_is_answered_in_its_thread()
    {
        var thread = await session.PostMentioningBotAsync("Shoe Co - General", "help");

        await Assertions.Expect(thread.BotPosts.Last).ToContainTextAsync("JourneyBot leads a team through customer journey mapping in chat.");
        await session.ScreenshotAsync("channel-mention-help");
    }

    [Fact]
    public async Task The_bot_posts_in_a_channel_thread_are_counted_by_author()
    {
        var thread = await session.PostMentioningBotAsync("Shoe Co - Customer journeys", "help");
        await Assertions.Expect(thread.BotPosts).ToHaveCountAsync(1);
        await thread.ReplyMentioningBotAsync("help");

        // One answer per question: the person's posts, the reply box and the avatar beside it are
        // not the bot's. (Right after an answer arrives the page may list it before its question
        // for a moment, so the order is not asserted.)
        await Assertions.Expect(thread.PostsBy("Alex Wilber")).ToHaveCountAsync(2);
        await Assertions.Expect(thread.BotPosts).ToHaveCountAsync(2);
        await Assertions.Expect(thread.BotPosts.Last).ToContainTextAsync("JourneyBot leads a team through customer journey mapping in chat.");
        var authors = await thread.AuthorsAsync();
        Assert.Equal(4, authors.Count);
        Assert.Equal("Alex Wilber", authors[0]);
        Assert.Equal(2, await thread.CountBotPostsAsync());
        Assert.True(File.Exists(await session.ScreenshotAsync("channel-thread-counted", thread.Root)));
    }

    [Fact]
    public async Task Demo_in_the_personal_chat_publishes_the_example_map_with_its_curve()
    {
        await Page.GetByRole(AriaRole.Treeitem, new() { Name = "Personal Chat" }).ClickAsync();
        await Page.GetByRole(AriaRole.Textbox).ClickAsync();
        await Page.Keyboard.TypeAsync("demo");
        await Page.Keyboard.PressAsync("Enter");

        var card = Page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Example · Customer journey map · published" });
        await Assertions.Expect(card).ToContainTextAsync("Example: first running shoes");
        await Assertions.Expect(card).ToContainTextAsync("Fit finder that learns from returns");
        await Assertions.Expect(card.Locator("img[src^='data:image/png;base64,']")).ToHaveCountAsync(1);
        // A page tall enough for the whole card: an element shot taken while scrolling catches the Playground's toolbar.
        await Page.SetViewportSizeAsync(1400, 3200);
        var shot = Path.Combine(PlaygroundSession.ArtifactsFolder, "demo-map-card.png");
        await card.ScreenshotAsync(new() { Path = shot });
        RunSummary.Screenshot(shot);
    }
}
