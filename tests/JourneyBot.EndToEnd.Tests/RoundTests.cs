using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JourneyBot.Protocol.Schema;
using Microsoft.Playwright;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>
/// A round of questions in the group chat of Agents Playground: the facilitator asks the
/// departments from the progress card, the routing card turns into "Questions sent …", the
/// progress card becomes a stage × department grid, and an answer from a member's 1:1 chat shows
/// on it. The page acts only as the facilitator, and shows only the facilitator's own 1:1 chat
/// (the Playground keeps other users' chats out of its page), so a member's answer is posted to
/// the bot as Teams would post it from her chat; the pipeline tests cover the rest of the 1:1 side.
/// </summary>
public sealed class RoundTests(PlaygroundSession session) : IClassFixture<PlaygroundSession>
{
    private const string GroupChat = "19:journey-crew@thread.v2";
    private const string MapName = "Shoe questions";

    private IPage Page => session.Page;

    [Fact]
    public async Task The_facilitator_sends_a_round_to_the_departments_and_an_answer_from_a_1_1_chat_shows_on_the_grid()
    {
        var box = await GroupChatSession.OpenAsync(Page);
        var progress = await GroupChatSession.StartAtContributionsAsync(Page, box, MapName, "More first pairs bought online");
        await Assertions.Expect(progress).ToContainTextAsync("Contributed: nobody yet.");

        // Three members gave their department; Patti and Lynne did not, and are asked it first.
        await MemberAsync("user-megan", "00000000-0000-0000-0000-0000000000a2", "Megan Bowen (Sales)", "department Sales");
        await MemberAsync("user-adele", "00000000-0000-0000-0000-0000000000a3", "Adele Vance (Customer Service)", "department Customer Service");
        await MemberAsync("user-isaiah", "00000000-0000-0000-0000-0000000000a4", "Isaiah Langer (Product)", "department Product");

        // "Not now" closes the routing card without sending anything.
        await progress.GetByRole(AriaRole.Button, new() { Name = "Ask the departments" }).ClickAsync();
        var routing = Page.Locator(".ac-adaptiveCard").Filter(new() { HasText = MapName + " · ask the departments" }).Last;
        await Assertions.Expect(routing).ToContainTextAsync("Who will be asked");
        await routing.GetByRole(AriaRole.Button, new() { Name = "Not now" }).ClickAsync();
        await Assertions.Expect(routing).ToContainTextAsync("No questions sent");

        await progress.GetByRole(AriaRole.Button, new() { Name = "Ask the departments" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Who will be asked" })).ToHaveCountAsync(1);
        routing = Page.Locator(".ac-adaptiveCard").Filter(new() { HasText = MapName + " · ask the departments" }).Last;
        await Assertions.Expect(routing).ToContainTextAsync("Sales: Megan Bowen (Sales)");
        await Assertions.Expect(routing).ToContainTextAsync("Department unknown (asked it first): Lynne Robbins (Finance), Patti Fernandez (Stores)");
        // Defaults: Purchase asks Sales (and Stores, which this team has not got), Product everywhere;
        // Marketing, whom nobody here is in, the first two stages.
        await Assertions.Expect(routing.GetByRole(AriaRole.Checkbox, new() { Name = "Sales" }).Nth(2)).ToBeCheckedAsync();
        await routing.GetByRole(AriaRole.Checkbox, new() { Name = "Customer Service" }).Nth(2).CheckAsync();
        await routing.GetByRole(AriaRole.Checkbox, new() { Name = "Move to the review by itself at the deadline" }).CheckAsync();
        await session.ScreenshotAsync("round-1-routing-card", routing);
        await routing.GetByRole(AriaRole.Button, new() { Name = "Send questions" }).ClickAsync();
        await Assertions.Expect(routing).ToContainTextAsync("Questions sent to 5 people in 3 departments, due ");

        // The grid: every department asked is waiting.
        await Assertions.Expect(progress).ToContainTextAsync("Questions · round 1 · due");
        await Assertions.Expect(progress).ToContainTextAsync("3. Purchase — Sales … · Customer Service … · Product …");

        // Megan answers from her 1:1 chat: a pain point on Purchase, with the card's data.
        var sent = session.Tap.Activities.Last(a => (string?)a["value"]?["action"]?["data"]?["verb"] == "sendRound");
        var mapId = (string)sent["value"]!["action"]!["data"]!["mapId"]!;
        var press = new Dictionary<string, string>
        {
            ["verb"] = "add", ["mapId"] = mapId, ["team"] = GroupChat, ["round"] = "1", ["kind"] = "pain",
            ["pain.stage"] = "s3", ["pain.text"] = "The size guide hides in a footer", ["pain.evidence"] = "reported",
        };
        await MemberAnswersAsync("user-megan", "00000000-0000-0000-0000-0000000000a2", "Megan Bowen (Sales)", press);
        await Assertions.Expect(progress).ToContainTextAsync("3. Purchase — Sales ✔ · Customer Service … · Product …");
        await Assertions.Expect(progress).ToContainTextAsync("Megan Bowen (Sales) 1");
        await session.ScreenshotAsync("round-2-grid", progress);
        await session.ScreenshotAsync("round-3-chat");

        // One round at a time.
        await SayAsync(box, "ask");
        // (The page shows the answer in the chat and again in its log panel.)
        await Assertions.Expect(Page.GetByText("Round 1 is still open until").First).ToBeVisibleAsync();
    }

    private Task SayAsync(ILocator box, string text) => GroupChatSession.SayAsync(Page, box, text);

    // A member's message in the group chat, as Teams posts one that mentions the bot.
    private Task MemberAsync(string id, string aadObjectId, string name, string line)
    {
        var activity = Activity(id, aadObjectId, name, new ConversationAccount { Id = GroupChat, ConversationType = "groupChat", IsGroup = true });
        activity.Text = $"<at>JourneyBot</at> {line}";
        activity.Entities = [Mention()];
        return PostAsync(activity);
    }

    // A press on the member's question card in her 1:1 chat with the bot (the Playground does not show it).
    private Task MemberAnswersAsync(string id, string aadObjectId, string name, Dictionary<string, string> values)
    {
        var value = new JsonObject();
        foreach (var (key, text) in values)
        {
            value[key] = text;
        }

        var activity = Activity(id, aadObjectId, name, new ConversationAccount { Id = "a:chat-" + id, ConversationType = "personal" });
        activity.Value = System.Text.Json.JsonSerializer.SerializeToElement(value);
        return PostAsync(activity);
    }

    private Activity Activity(string id, string aadObjectId, string name, ConversationAccount conversation) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        ServiceUrl = $"http://127.0.0.1:{session.Playground.Port}/_connector",
        From = new ChannelAccount { Id = id, Name = name, AadObjectId = aadObjectId },
        Recipient = new ChannelAccount { Id = "28:journeybot-local", Name = "JourneyBot" },
        Conversation = conversation,
        Timestamp = DateTimeOffset.UtcNow,
        Locale = "en-US",
    };

    private static Entity Mention() =>
        new() { Type = Entity.MentionType, Mentioned = new ChannelAccount { Id = "28:journeybot-local", Name = "JourneyBot" }, Text = "<at>JourneyBot</at>" };

    private async Task PostAsync(Activity activity)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(session.Bot.MessagesUrl, activity, ProtocolJson.Default.Activity);
        Assert.True(response.IsSuccessStatusCode, $"{activity.From?.Name} → {(int)response.StatusCode}");
    }
}
