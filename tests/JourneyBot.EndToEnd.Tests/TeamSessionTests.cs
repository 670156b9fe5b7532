using System.Net.Http.Json;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;
using Microsoft.Playwright;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>
/// A session in the group chat of Agents Playground with members of four departments, and the
/// bot restarted half way. The facilitator clicks and types in the page; the other members, whom
/// the page cannot act as, post to the bot directly as Teams would (their answers appear in the chat).
/// </summary>
public sealed class TeamSessionTests(PlaygroundSession session) : IClassFixture<PlaygroundSession>
{
    private const string GroupChat = "19:journey-crew@thread.v2";
    private int _posts;

    private IPage Page => session.Page;

    [Fact]
    public async Task Members_of_four_departments_map_a_journey_across_a_bot_restart()
    {
        var box = await GroupChatSession.OpenAsync(Page);
        await GroupChatSession.StartAtContributionsAsync(Page, box, "Crew journey", "Double repeat purchases of running shoes");

        // Three colleagues from other departments contribute at the same time, without saying how they know.
        await Task.WhenAll(
            MemberAsync("user-megan", "Megan Bowen (Sales)",
                "department Sales", "touchpoint Awareness | social | Instagram ad for beginners", "emotion Awareness | 1 | curious",
                "opportunity Purchase | Bundle socks with the first pair | Sales"),
            MemberAsync("user-adele", "Adele Vance (Customer Service)",
                "department Customer Service", "touchpoint Purchase | store | Tries shoes on in the shop", "pain Purchase | Sizes differ between brands",
                "emotion Purchase | -2 | confused"),
            MemberAsync("user-isaiah", "Isaiah Langer (Product)",
                "department Product", "touchpoint Consideration | website | Compares models online", "pain Consideration | No filter for running surface",
                "opportunity Purchase | Fit finder from a foot photo | Product"));
        // No post confirms them: the progress card shows who added what (once their posts pile
        // up, it comes down below them: the newest copy is the one that counts).
        var progress = Page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Crew journey · progress" }).Last;
        await Assertions.Expect(progress).ToContainTextAsync("Contributed (3):");
        await Assertions.Expect(progress).ToContainTextAsync("Latest:");
        await Assertions.Expect(Page.GetByText("Added opportunity [")).ToHaveCountAsync(0);
        // Each is asked how they know once (about their first item); the progress card counts what waits.
        await Assertions.Expect(Page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "how do you know this?" })).ToHaveCountAsync(3);
        await Assertions.Expect(progress).ToContainTextAsync("Not said yet: 9 items");
        await session.ScreenshotAsync("team-1-contributions");

        await session.RestartBotAsync();

        // After the restart the facilitator carries on where the session was.
        await SayAsync(box, "next");
        var review = Page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Step 7 of 7: Review and vote" }).Last;
        await Assertions.Expect(review).ToContainTextAsync("Not heard from: Marketing");
        await review.GetByRole(AriaRole.Checkbox, new() { Name = "Sizes differ between brands", Exact = false }).CheckAsync();
        await review.GetByRole(AriaRole.Button, new() { Name = "Vote", Exact = true }).ClickAsync();
        await Assertions.Expect(review).ToContainTextAsync("voted for 1 item");
        await review.GetByRole(AriaRole.Button, new() { Name = "Publish (facilitator)" }).ClickAsync();

        var map = Page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Customer journey map · published" });
        await Assertions.Expect(map).ToContainTextAsync("Objective: Double repeat purchases of running shoes");
        foreach (var stage in new[] { "1. Awareness", "2. Consideration", "3. Purchase", "4. Retention", "5. Advocacy" })
        {
            await Assertions.Expect(map).ToContainTextAsync(stage);
        }

        // Nobody said how they know: each item shows "?", not said yet.
        await Assertions.Expect(map).ToContainTextAsync("Social networks: ? Instagram ad for beginners");
        await Assertions.Expect(map).ToContainTextAsync("Website: ? Compares models online");
        await Assertions.Expect(map).ToContainTextAsync("Store: ? Tries shoes on in the shop");
        await Assertions.Expect(map).ToContainTextAsync("Pain points: ? Sizes differ between brands · 1 vote");
        await Assertions.Expect(map.Locator("img[src^='data:image/png;base64,']")).ToHaveCountAsync(1);
        await Assertions.Expect(map).ToContainTextAsync("Customer Service: Adele Vance (Customer Service)");
        // A page tall enough for the whole card: an element shot taken while scrolling catches the Playground's toolbar.
        await Page.SetViewportSizeAsync(1400, 3200);
        var shot = Path.Combine(PlaygroundSession.ArtifactsFolder, "team-2-published-after-restart.png");
        await map.ScreenshotAsync(new() { Path = shot });
        RunSummary.Screenshot(shot);
    }

    private Task SayAsync(ILocator box, string text) => GroupChatSession.SayAsync(Page, box, text);

    // One member's messages, in order, posted to the bot as Teams posts a group-chat message that
    // mentions it. They carry no id, so the bot answers them as new messages in the chat.
    private async Task MemberAsync(string id, string name, params string[] lines)
    {
        using var http = new HttpClient();
        foreach (var line in lines)
        {
            var bot = new ChannelAccount { Id = "28:journeybot-local", Name = "JourneyBot" };
            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                ChannelId = "msteams",
                ServiceUrl = $"http://127.0.0.1:{session.Playground.Port}/_connector",
                From = new ChannelAccount { Id = id, Name = name, AadObjectId = id },
                Recipient = bot,
                Conversation = new ConversationAccount { Id = GroupChat, ConversationType = "groupChat", IsGroup = true },
                Text = $"<at>JourneyBot</at> {line}",
                Entities = [new Entity { Type = Entity.MentionType, Mentioned = bot, Text = "<at>JourneyBot</at>" }],
                Timestamp = DateTimeOffset.UtcNow,
                Locale = "en-US",
            };
            using var response = await http.PostAsJsonAsync(session.Bot.MessagesUrl, activity, ProtocolJson.Default.Activity);
            Assert.True(response.IsSuccessStatusCode, $"{name}: “{line}” → {(int)response.StatusCode}");
            Interlocked.Increment(ref _posts);
        }
    }
}
