using Microsoft.Playwright;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>
/// One thread of a Teams channel in Agents Playground's page: its first post, the replies under
/// it and the reply box. A card the bot updates in place stays one post; the Playground does not
/// delete posts (its connector answers DELETE with 501).
/// </summary>
public sealed class ChannelThread(IPage page, ILocator root)
{
    /// <summary>The thread itself (a <c>role=group</c>).</summary>
    public ILocator Root { get; } = root;

    /// <summary>
    /// Each post <paramref name="author"/> made in the thread, in order: its header and, for a
    /// reply, what it says (text or card).
    /// </summary>
    public ILocator PostsBy(string author) =>
        Root.Locator(PostHeader($"[aria-label='{author.Replace("'", "\\'", StringComparison.Ordinal)}']")).Locator("xpath=..");

    /// <summary>Each post the bot made in the thread: wait for a number of them with <c>ToHaveCountAsync</c>.</summary>
    public ILocator BotPosts => PostsBy(Playground.BotName);

    /// <summary>How many posts the bot has made in the thread so far.</summary>
    public Task<int> CountBotPostsAsync() => BotPosts.CountAsync();

    /// <summary>The author of every post in the thread, in order: the first post, then each reply.</summary>
    public async Task<IReadOnlyList<string>> AuthorsAsync() =>
        await Root.Locator(PostHeader("[aria-label]"))
            .EvaluateAllAsync<string[]>("headers => headers.map(h => h.querySelector(':scope > [role=img]').getAttribute('aria-label'))");

    /// <summary>Replies in the thread with a real mention of the bot followed by <paramref name="text"/>, and sends it.</summary>
    public async Task ReplyMentioningBotAsync(string text)
    {
        await PlaygroundSession.MentionBotAsync(page, Root.Locator("[data-lexical-editor]"), text);
        await page.Keyboard.PressAsync("Enter");
    }

    // Every post, first or reply, has a header: the author's avatar (role img, labelled with the
    // author's name) as a direct child, and the post's "…" menu. The reply box has an avatar too,
    // but no menu; the page's generated class names change between Playground versions.
    private static string PostHeader(string avatar) =>
        $"div:has(> [role='img']{avatar}):has(button[aria-label='Show more information'])";
}
