using System.Net;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace JourneyBot.Web.Tests;

/// <summary>The living progress card: posted when contributions open, updated in place, coalesced.</summary>
public sealed class ProgressCardTests : IClassFixture<ConnectorFixture>
{
    private const string Thread = "19:general@thread.tacv2;messageid=1700000000002";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly RecordingConnector _connector;
    private int _activities;

    public ProgressCardTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    [Fact]
    public async Task Thirty_contributions_at_once_make_one_update_of_the_progress_card()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        // The card stays where it is, however busy the thread (ProgressCardRepostTests bring it down).
        await using var app = new BotApp(new Dictionary<string, string?> { ["ProgressCard:RepostAfterPosts"] = "0" }, s => BotApp.UseClock(s, clock));
        foreach (var line in new[] { "start Burst", "Sell more shoes", "skip", "skip", "skip", "template", "next" })
        {
            await SayAsync(app, "alex", line);
        }

        var posted = _connector.Requests.Single(r => r.Method == "POST" && IsProgressCard(r));
        var progressId = posted.AnsweredId;

        var responses = await Task.WhenAll(Enumerable.Range(1, 30).Select(n =>
            app.PostActivityAsync(From($"member-{n}", $"touchpoint Purchase | website | Idea {n}"))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.DoesNotContain(_connector.Requests, r => r.Method == "PUT");

        clock.Advance(TimeSpan.FromSeconds(2));
        var update = await _connector.WaitForAsync(r => r.Method == "PUT", Wait);

        Assert.EndsWith($"/activities/{progressId}", update.RawTarget, StringComparison.Ordinal);
        Assert.Contains("3. Purchase — 30 touchpoints", Text(update), StringComparison.Ordinal);
        Assert.Single(_connector.Requests, r => r.Method == "PUT");

        await app.PostActivityAsync(From("member-31", "pain Purchase | Slow checkout"));
        clock.Advance(TimeSpan.FromSeconds(2));
        var second = await _connector.WaitForAsync(r => r.Method == "PUT" && Text(r).Contains("1 pain point", StringComparison.Ordinal), Wait);
        Assert.Contains("30 touchpoints, 1 pain point", Text(second), StringComparison.Ordinal);
        Assert.Equal(2, _connector.Requests.Count(r => r.Method == "PUT"));
    }

    [Fact]
    public async Task Updates_of_many_conversations_read_storage_a_few_at_a_time_and_each_still_comes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        GatedBoardReads store = null!;
        await using var app = new BotApp(new Dictionary<string, string?> { ["ProgressCard:MaxConcurrentReads"] = "2" }, s =>
        {
            BotApp.UseClock(s, clock);
            GatedBoardReads.Install(s, gated => store = gated);
        });
        string[] threads = [.. Enumerable.Range(1, 4).Select(n => $"19:general@thread.tacv2;messageid=170000000010{n}")];
        foreach (var thread in threads)
        {
            foreach (var line in new[] { "start Busy", "Sell more shoes", "skip", "skip", "skip", "template", "next" })
            {
                await SayAsync(app, "alex", line, thread);
            }
        }

        store.Close();
        foreach (var thread in threads)
        {
            await SayAsync(app, "member-1", "touchpoint Purchase | website | An idea", thread);
        }

        clock.Advance(TimeSpan.FromSeconds(2)); // all four updates are due
        Assert.True(await store.NextHeldAsync(Wait) && await store.NextHeldAsync(Wait), "Two updates should be reading.");
        Assert.Equal(2, store.MostAtOnce);
        Assert.DoesNotContain(_connector.Requests, r => r.Method == "PUT");

        store.Open();
        foreach (var thread in threads)
        {
            await _connector.WaitForAsync(r => r.Method == "PUT" && r.Activity.Conversation?.Id == thread, Wait);
        }

        Assert.Equal(2, store.MostAtOnce);
    }

    [Fact]
    public async Task Thirty_typed_contributions_at_once_post_no_confirmation_and_ask_their_departments_in_two_messages()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        // The card is updated where it is (ProgressCardRepostTests bring it down a busy thread).
        await using var app = new BotApp(new Dictionary<string, string?> { ["ProgressCard:RepostAfterPosts"] = "0" }, s => BotApp.UseClock(s, clock));
        foreach (var line in new[] { "start Burst", "Sell more shoes", "skip", "skip", "skip", "template", "next" })
        {
            await SayAsync(app, "alex", line);
        }

        var before = _connector.Requests.Count(r => r.Method == "POST");

        var responses = await Task.WhenAll(Enumerable.Range(1, 30).Select(n =>
            app.PostActivityAsync(From($"member-{n}", $"touchpoint Purchase | website | Idea {n} | observed"))));
        var atOnce = _connector.Requests.Where(r => r.Method == "POST").Skip(before).ToList();
        clock.Advance(TimeSpan.FromSeconds(2));
        var gathered = await _connector.WaitForAsync(r => r.Method == "POST" && Said(r).StartsWith("Just now:", StringComparison.Ordinal), Wait);
        var update = await _connector.WaitForAsync(r => r.Method == "PUT", Wait);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // The first member's department question, as it is; everyone else's, one line each, in one message.
        var question = Assert.Single(atOnce);
        Assert.Contains("which department are you in?", Text(question), StringComparison.Ordinal);
        Assert.Equal(29, Said(gathered).Split('\n').Count(l => l.Contains("which department are you in", StringComparison.Ordinal)));
        Assert.Equal(before + 2, _connector.Requests.Count(r => r.Method == "POST"));
        Assert.DoesNotContain(_connector.Requests, r => Said(r).Contains("Added touchpoint", StringComparison.Ordinal));
        // The progress card shows the newest items instead, and who added them.
        Assert.Contains("Latest:", Text(update), StringComparison.Ordinal);
        Assert.Equal(3, Text(update).Split("Touchpoint · Website: Idea ").Length - 1);
    }

    [Fact]
    public async Task What_still_waits_to_be_gathered_when_the_host_stops_goes_out_before_it_stops()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var app = new BotApp(new Dictionary<string, string?>(), s => BotApp.UseClock(s, clock));
        await using (app)
        {
            foreach (var line in new[] { "start Stop", "Sell more shoes", "skip", "skip", "skip", "template", "next" })
            {
                await SayAsync(app, "alex", line);
            }

            await SayAsync(app, "member-1", "touchpoint Purchase | website | Idea 1");
            await SayAsync(app, "member-2", "touchpoint Purchase | website | Idea 2");
            Assert.DoesNotContain(_connector.Requests, r => Said(r).Contains("member-2", StringComparison.Ordinal));
            Assert.DoesNotContain(_connector.Requests, r => r.Method == "PUT");
        }

        // The clock never moved: only the host's stopping sent them.
        Assert.Contains(_connector.Requests, r => r.Method == "POST" && Said(r).Contains("member-2, which department", StringComparison.Ordinal));
        Assert.Contains("3. Purchase — 2 touchpoints", Text(Assert.Single(_connector.Requests, r => r.Method == "PUT")), StringComparison.Ordinal);
    }

    // Contributions acknowledged just before a kill -9 may lose their confirmations and the card's
    // update (queued in the dead process); the card's next update, from any host, reads storage.
    [Fact]
    public async Task Contributions_whose_sends_died_with_their_host_are_counted_in_the_next_update_from_a_fresh_host()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:TableName"] = (await Azurite.SharedAsync()).NewTableName(),
            ["ProgressCard:RepostAfterPosts"] = "0",
        };
        var stoppedClock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var dying = new BotApp(settings, s => BotApp.UseClock(s, stoppedClock));
        try
        {
            foreach (var line in new[] { "start Crash", "Sell more shoes", "skip", "skip", "skip", "template", "next" })
            {
                await SayAsync(dying, "alex", line);
            }

            var progressId = _connector.Requests.Single(r => r.Method == "POST" && IsProgressCard(r)).AnsweredId;
            for (var n = 1; n <= 10; n++)
            {
                await SayAsync(dying, $"member-{n}", $"touchpoint Purchase | website | Idea {n}");
            }

            // Stored and answered, but the card's update waits on a clock that never moves: it stands
            // for what a kill -9 loses. The dying host is left running, unstopped, while the fresh one works.
            Assert.DoesNotContain(_connector.Requests, r => r.Method == "PUT");

            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
            await using var fresh = new BotApp(settings, s => BotApp.UseClock(s, clock));
            await SayAsync(fresh, "member-11", "touchpoint Purchase | website | Idea 11");
            clock.Advance(TimeSpan.FromSeconds(2));
            var update = await _connector.WaitForAsync(r => r.Method == "PUT", Wait);

            Assert.EndsWith($"/activities/{progressId}", update.RawTarget, StringComparison.Ordinal);
            Assert.Contains("3. Purchase — 11 touchpoints", Text(update), StringComparison.Ordinal);
        }
        finally
        {
            await dying.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_progress_card_refreshes_to_the_latest_state()
    {
        await using var app = new BotApp(new Dictionary<string, string?>());
        foreach (var line in new[] { "start Refresh", "Sell more shoes", "skip", "skip", "skip", "template", "next", "goal Awareness | Learn to run" })
        {
            await SayAsync(app, "alex", line);
        }

        var posted = _connector.Requests.Single(r => r.Method == "POST" && IsProgressCard(r));
        var refresh = System.Text.Json.JsonDocument.Parse(posted.Body).RootElement
            .GetProperty("attachments")[0].GetProperty("content").GetProperty("refresh").GetProperty("action");
        var invoke = Activities.Invoke(_connector.ServiceUrl(), "adaptiveCard/action",
            $$"""{"action":{"type":"Action.Execute","verb":"progress","data":{{refresh.GetProperty("data").GetRawText()}}},"trigger":"automatic"}""");
        invoke.Conversation!.Id = Thread;

        var response = await app.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1. Awareness — 1 goal", Text(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_facilitator_goes_to_the_review_from_the_progress_card_which_stays_the_progress_card(bool universalAction)
    {
        await using var app = new BotApp(new Dictionary<string, string?>());
        foreach (var line in new[] { "start Steer", "Sell more shoes", "skip", "skip", "skip", "template", "next" })
        {
            await SayAsync(app, "alex", line);
        }

        var posted = _connector.Requests.Single(r => r.Method == "POST" && IsProgressCard(r));
        var button = System.Text.Json.JsonDocument.Parse(posted.Body).RootElement
            .GetProperty("attachments")[0].GetProperty("content").GetProperty("actions")[0];
        Assert.Equal("Go to review (facilitator)", button.GetProperty("title").GetString());
        _connector.Reset();

        var refusal = await PressAsync(app, "megan", posted.AnsweredId!, button, universalAction);
        Assert.Contains("Only alex", refusal, StringComparison.Ordinal);
        var pressed = await PressAsync(app, "alex", posted.AnsweredId!, button, universalAction);

        // The review is a new post; the progress card shows the new step in place, without the button.
        var review = _connector.Requests.Single(r => r.Method == "POST" && Text(r).Contains("Gaps still open", StringComparison.Ordinal));
        Assert.Contains(" · Step 7 of 7: Review and vote", Text(review), StringComparison.Ordinal);
        var progress = universalAction
            ? pressed
            : Text(_connector.Requests.Single(r => r.Method == "PUT" && r.RawTarget.EndsWith($"/activities/{posted.AnsweredId}", StringComparison.Ordinal)));
        Assert.Contains(" · progress", progress, StringComparison.Ordinal);
        Assert.Contains("Step 7 of 7: Review and vote", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("Go to review", progress, StringComparison.Ordinal);
    }

    // Presses the card button as Teams sends it (an invoke) or as the Playground does (a message
    // answering the card); gives what the member sees answered: the invoke's answer, or the bot's posts.
    private async Task<string> PressAsync(BotApp app, string who, string cardId, System.Text.Json.JsonElement button, bool universalAction)
    {
        var data = button.GetProperty("data").GetRawText();
        Activity press;
        if (universalAction)
        {
            press = Activities.Invoke(_connector.ServiceUrl(), "adaptiveCard/action",
                $$"""{"action":{"type":"Action.Execute","verb":"next","data":{{data}}},"trigger":"manual"}""");
            press.Conversation!.Id = Thread;
            press.ReplyToId = cardId;
        }
        else
        {
            press = From(who, string.Empty);
            press.Text = null;
            press.Entities = null;
            press.ReplyToId = cardId;
            press.Value = System.Text.Json.JsonDocument.Parse(data).RootElement.Clone();
        }

        press.From = new ChannelAccount { Id = who, Name = who };
        var before = _connector.Requests.Count;
        var response = await app.PostActivityAsync(press);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return universalAction
            ? Text(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            : string.Concat(_connector.Requests.Skip(before).Select(Text));
    }

    // The progress card is the one card that refreshes itself.
    private static bool IsProgressCard(ConnectorRequest request) =>
        request.Activity.Attachments is [{ Content: { } card }] && card.TryGetProperty("refresh", out _);

    // The message's own text (not its card's).
    private static string Said(ConnectorRequest request) => request.Activity.Text ?? string.Empty;

    // What the request's text and card say.
    private static string Text(ConnectorRequest request) => request.AllText();

    private static string Text(string json) => new ConnectorRequest("POST", string.Empty, null, json).AllText();

    private async Task SayAsync(BotApp app, string who, string text, string thread = Thread) =>
        Assert.Equal(HttpStatusCode.OK, (await app.PostActivityAsync(From(who, text, thread))).StatusCode);

    private Activity From(string id, string text, string thread = Thread)
    {
        var activity = Activities.Message(_connector.ServiceUrl(), text, mentionBot: true, conversationId: thread,
            activityId: $"1:progress-{Interlocked.Increment(ref _activities)}");
        activity.From = new ChannelAccount { Id = id, Name = id };
        return activity;
    }
}
