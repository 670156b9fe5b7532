using System.Net;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace JourneyBot.Web.Tests;

/// <summary>A busy thread does not bury the progress card: it is posted again below, and the old one points to it.</summary>
public sealed class ProgressCardRepostTests : IClassFixture<ConnectorFixture>
{
    private const string Thread = "19:general@thread.tacv2;messageid=1700000000077";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly RecordingConnector _connector;
    private int _activities;

    public ProgressCardRepostTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    [Fact]
    public async Task After_enough_posts_the_next_change_posts_the_card_again_and_the_old_one_says_it_moved()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        await using var app = new BotApp(new Dictionary<string, string?> { ["ProgressCard:RepostAfterPosts"] = "4" }, s => BotApp.UseClock(s, clock));
        await OpenContributionsAsync(app);
        var first = await _connector.WaitForAsync(IsProgressCard, Wait);

        // One typed post (and the bot's question of the member's department): the card is updated where it is.
        await SayAsync(app, "member-1", "touchpoint Purchase | website | Idea 1");
        clock.Advance(TimeSpan.FromSeconds(2));
        var update = await _connector.WaitForAsync(r => r.Method == "PUT", Wait);
        Assert.EndsWith($"/activities/{first.AnsweredId}", update.RawTarget, StringComparison.Ordinal);

        // Three more posts make more than four since the card: the next change brings it down.
        for (var n = 2; n <= 4; n++)
        {
            await SayAsync(app, $"member-{n}", $"touchpoint Purchase | website | Idea {n}");
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        var moved = await _connector.WaitForAsync(r => r.Method == "PUT" && r.AllText().Contains("moved further down", StringComparison.Ordinal), Wait);

        var cards = _connector.Requests.Where(IsProgressCard).ToList();
        Assert.Equal(2, cards.Count);
        Assert.Contains("3. Purchase — 4 touchpoints", cards[1].AllText(), StringComparison.Ordinal);
        Assert.EndsWith($"/activities/{first.AnsweredId}", moved.RawTarget, StringComparison.Ordinal);
        Assert.DoesNotContain("Purchase", moved.AllText(), StringComparison.Ordinal);
        Assert.Equal(2, _connector.Requests.Count(r => r.Method == "PUT"));

        // Later changes update the new card in place.
        await SayAsync(app, "member-5", "pain Purchase | Slow checkout");
        clock.Advance(TimeSpan.FromSeconds(2));
        var next = await _connector.WaitForAsync(r => r.Method == "PUT" && r.AllText().Contains("1 pain point", StringComparison.Ordinal), Wait);
        Assert.EndsWith($"/activities/{cards[1].AnsweredId}", next.RawTarget, StringComparison.Ordinal);
        Assert.Equal(2, _connector.Requests.Count(IsProgressCard));
    }

    [Fact]
    public async Task With_reposting_off_the_card_stays_where_it_is()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        await using var app = new BotApp(new Dictionary<string, string?> { ["ProgressCard:RepostAfterPosts"] = "0" }, s => BotApp.UseClock(s, clock));
        await OpenContributionsAsync(app);
        var first = await _connector.WaitForAsync(IsProgressCard, Wait);
        for (var n = 1; n <= 12; n++)
        {
            await SayAsync(app, $"member-{n}", $"touchpoint Purchase | website | Idea {n}");
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        var update = await _connector.WaitForAsync(r => r.Method == "PUT", Wait);

        Assert.EndsWith($"/activities/{first.AnsweredId}", update.RawTarget, StringComparison.Ordinal);
        Assert.Single(_connector.Requests, IsProgressCard);
        Assert.Single(_connector.Requests, r => r.Method == "PUT");
    }

    private async Task OpenContributionsAsync(BotApp app)
    {
        foreach (var line in new[] { "start Busy thread", "Sell more shoes", "skip", "skip", "skip", "template", "next" })
        {
            await SayAsync(app, "alex", line);
        }
    }

    // A new post of the progress card, the one card that refreshes itself.
    private static bool IsProgressCard(ConnectorRequest request) =>
        request.Method == "POST" && request.Activity.Attachments is [{ Content: { } card }] && card.TryGetProperty("refresh", out _);

    private async Task SayAsync(BotApp app, string who, string text)
    {
        var activity = Activities.Message(_connector.ServiceUrl(), text, mentionBot: true, conversationId: Thread,
            activityId: $"1:repost-{Interlocked.Increment(ref _activities)}");
        activity.From = new ChannelAccount { Id = who, Name = who };
        Assert.Equal(HttpStatusCode.OK, (await app.PostActivityAsync(activity)).StatusCode);
    }
}
