using System.Net;
using System.Text.Json;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;

namespace JourneyBot.Web.Tests;

/// <summary>
/// Items typed without saying how we know them, through the host: in a thread with a progress card
/// each author is asked once per map and answers the rest from the progress card's button (in place,
/// no post); in a 1:1 chat each item is asked about.
/// </summary>
public sealed class EvidenceQuestionTests : IClassFixture<ConnectorFixture>
{
    private const string Thread = "19:general@thread.tacv2;messageid=1700000000031";
    private const string Chat = "a:1on1-evidence-questions";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly string[] Setup = ["start Evidence", "Sell more shoes", "skip", "skip", "skip", "template", "next"];
    private readonly RecordingConnector _connector;
    private int _activities;

    public EvidenceQuestionTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    [Fact]
    public async Task In_a_thread_with_a_progress_card_an_author_is_asked_once_and_the_progress_card_lists_the_rest_in_place()
    {
        await using var app = new BotApp(new Dictionary<string, string?> { ["ProgressCard:RepostAfterPosts"] = "0" });
        foreach (var line in Setup)
        {
            await SayAsync(app, "alex", line, Thread);
        }

        await SayAsync(app, "megan", "department Sales", Thread);
        var before = _connector.Requests.Count;

        for (var n = 1; n <= 3; n++)
        {
            await SayAsync(app, "megan", $"pain Purchase | Problem {n}", Thread);
        }

        // One post: the question about her first item. The others are counted on the progress card.
        var question = Assert.Single(_connector.Requests.Skip(before), r => r.Method == "POST");
        Assert.Contains("megan, how do you know this?", question.AllText(), StringComparison.Ordinal);
        var update = await _connector.WaitForAsync(r => r.Method == "PUT" && r.AllText().Contains("3 items don't say how we know them", StringComparison.Ordinal), Wait);
        var button = Titled(JsonDocument.Parse(update.Body).RootElement, "How do we know?").Single();
        var posts = _connector.Requests.Count(r => r.Method == "POST");

        // Pressed as Teams sends it, a Universal Action: the list answers the press (the presser's view only).
        var press = Activities.Invoke(_connector.ServiceUrl(), "adaptiveCard/action",
            $$"""{"action":{"type":"Action.Execute","verb":"{{button.GetProperty("verb").GetString()}}","data":{{button.GetProperty("data").GetRawText()}}},"trigger":"manual"}""");
        press.Conversation!.Id = Thread;
        press.From = new ChannelAccount { Id = "megan", Name = "megan" };
        press.ReplyToId = update.RawTarget.Split('/')[^1];
        var response = await app.PostActivityAsync(press);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = new ConnectorRequest("POST", string.Empty, null, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).AllText();
        Assert.Contains("megan, how do you know these?", list, StringComparison.Ordinal);
        Assert.All(new[] { "Problem 1", "Problem 2", "Problem 3" }, item => Assert.Contains(item, list, StringComparison.Ordinal));
        Assert.Equal(posts, _connector.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task In_a_1_1_chat_each_item_typed_without_evidence_is_asked_about()
    {
        await using var app = new BotApp(new Dictionary<string, string?>());
        foreach (var line in Setup)
        {
            await SayAsync(app, "alex", line, Chat);
        }

        await SayAsync(app, "alex", "pain Purchase | Problem 1", Chat);
        await SayAsync(app, "alex", "goal Purchase | Pay quickly", Chat);

        Assert.Equal(2, _connector.Requests.Count(r => r.Method == "POST" && r.AllText().Contains("alex, how do you know this?", StringComparison.Ordinal)));
    }

    // The card's elements and buttons with that title, wherever they sit in it.
    private static IEnumerable<JsonElement> Titled(JsonElement json, string title) => json.ValueKind switch
    {
        JsonValueKind.Object when json.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == title
            && json.TryGetProperty("verb", out _) => [json],
        JsonValueKind.Object => json.EnumerateObject().SelectMany(p => Titled(p.Value, title)),
        JsonValueKind.Array => json.EnumerateArray().SelectMany(e => Titled(e, title)),
        _ => [],
    };

    private async Task SayAsync(BotApp app, string who, string text, string conversation) =>
        Assert.Equal(HttpStatusCode.OK, (await app.PostActivityAsync(From(who, text, conversation))).StatusCode);

    private Activity From(string id, string text, string conversation)
    {
        var personal = conversation == Chat;
        var activity = Activities.Message(_connector.ServiceUrl(), text, mentionBot: !personal, conversationId: conversation,
            activityId: $"1:evidence-{Interlocked.Increment(ref _activities)}");
        activity.From = new ChannelAccount { Id = id, Name = id };
        if (personal)
        {
            activity.Conversation!.ConversationType = ConversationTypes.Personal;
            activity.Conversation.IsGroup = false;
        }

        return activity;
    }
}
