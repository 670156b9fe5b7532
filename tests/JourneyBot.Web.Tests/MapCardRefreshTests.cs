using System.Net;
using System.Text.Json;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Protocol.Schema;
using JourneyBot.Storage;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>
/// The published map card's Universal Actions refresh through the real pipeline and store: Teams
/// asks for the card when someone looks at it, and gets it back with the actions as they are now.
/// </summary>
public sealed class MapCardRefreshTests : IClassFixture<ConnectorFixture>
{
    private const string Thread = "19:general@thread.tacv2;messageid=1700000000017";
    private readonly RecordingConnector _connector;
    private int _activities;

    public MapCardRefreshTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    [Fact]
    public async Task The_refresh_answers_the_card_with_an_action_added_after_publishing_in_three_storage_requests()
    {
        await using var app = new BotApp(new Dictionary<string, string?>());
        foreach (var line in new[] { "start Refreshed", "Sell more shoes", "Ana", "Sees an ad", "First run", "template", "next",
            "touchpoint Purchase | website | Checkout page", "next", "publish" })
        {
            Assert.Equal(HttpStatusCode.OK, (await app.PostActivityAsync(From("29:alex", "aad-alex", line))).StatusCode);
        }

        var posted = _connector.Requests.Single(r => r.Method == "POST" && r.AllText().Contains("is published", StringComparison.Ordinal));
        var card = JsonDocument.Parse(posted.Body).RootElement.GetProperty("attachments")[0].GetProperty("content");
        Assert.Equal(["29:alex"], card.GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(u => u.GetString()));
        var refresh = card.GetProperty("refresh").GetProperty("action");
        var data = refresh.GetProperty("data");
        var mapId = data.GetProperty("mapId").GetString()!;
        // Without channelData naming a team, the thread is its own team: the map is kept under it.
        await app.Services.GetRequiredService<IActionStore>().TryAddActionAsync(Thread, mapId, new OwnedAction
        {
            Id = "opp1", StageId = "s3", Text = "Call back <b>within</b> a day", Owner = new Person("aad-megan", "Megan Bowen"),
            OwnerDepartment = "Customer Service", Due = new DateOnly(2020, 1, 31), CreatedBy = new Person("aad-alex", "Alex"), CreatedAt = DateTimeOffset.UtcNow,
        }, TestContext.Current.CancellationToken);
        var invoke = Activities.Invoke(_connector.ServiceUrl(), "adaptiveCard/action",
            $$"""{"action":{"type":"Action.Execute","verb":"{{refresh.GetProperty("verb").GetString()}}","data":{{data.GetRawText()}}},"trigger":"automatic"}""");
        invoke.Conversation!.Id = Thread;
        invoke.From = new ChannelAccount { Id = "29:megan", Name = "Megan Bowen", AadObjectId = "aad-megan" };
        var metrics = app.Services.GetRequiredService<StorageMetrics>();
        var sentBefore = _connector.Requests.Count;

        var before = metrics.Total;
        var response = await app.PostActivityAsync(invoke);
        var requests = metrics.Total - before;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var answer = JsonDocument.Parse(body);
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.RootElement.GetProperty("type").GetString());
        var refreshed = answer.RootElement.GetProperty("value");
        var text = new ConnectorRequest("POST", string.Empty, null, body).AllText();
        Assert.Contains("⚠ Overdue", text, StringComparison.Ordinal);
        Assert.Contains("Call back <b>within</b> a day", text, StringComparison.Ordinal);
        Assert.Equal(["29:megan"], refreshed.GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(3, requests); // the version shown, the actions, and the shelf line of a future map (none here)
        Assert.Equal(sentBefore, _connector.Requests.Count);
    }

    private Activity From(string id, string aad, string text)
    {
        var activity = Activities.Message(_connector.ServiceUrl(), text, mentionBot: true, conversationId: Thread,
            activityId: $"1:refresh-{Interlocked.Increment(ref _activities)}");
        activity.From = new ChannelAccount { Id = id, Name = id, AadObjectId = aad };
        return activity;
    }
}
