using System.Diagnostics.Metrics;
using System.Net;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Protocol.Schema;
using JourneyBot.Storage;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace JourneyBot.Web.Tests;

/// <summary>
/// Teams channel messages that do not mention the bot, as Teams delivers them under
/// resource-specific consent, through the real pipeline and store: outside a map's thread they
/// leave no trace; inside one, what the bot understands is taken.
/// </summary>
public sealed class OverheardMessageTests : IClassFixture<ConnectorFixture>, IAsyncDisposable
{
    private const string MapThread = "19:general@thread.tacv2;messageid=1700000000100";
    private const string OtherThread = "19:general@thread.tacv2;messageid=1700000000200";
    private readonly RecordingConnector _connector;
    private readonly BotApp _app = new(new Dictionary<string, string?>());
    private int _activities;

    public OverheardMessageTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Talk_without_a_mention_costs_no_storage_round_trip_and_gets_no_answer()
    {
        var storage = _app.Services.GetRequiredService<StorageMetrics>();
        var before = storage.Total;

        await SayWithoutMentionAsync(OtherThread, "Lunch at noon?");
        await SayWithoutMentionAsync(OtherThread, "See you all at the review");

        Assert.Equal(before, storage.Total);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Outside_a_maps_thread_even_a_command_without_a_mention_is_not_answered_stored_or_logged()
    {
        using var storage = new MetricCollector<long>(
            _app.Services.GetRequiredService<IMeterFactory>(), StorageMetrics.MeterName, StorageMetrics.OperationsCounterName);
        _app.Logs.Clear();

        foreach (var text in new[] { "start Secret plan", "department Secret sales", "status", "undo", "Action items: the secret", "pain Awareness | The secret price" })
        {
            await SayWithoutMentionAsync(OtherThread, text);
        }

        Assert.Empty(_connector.Requests);
        Assert.All(storage.GetMeasurementSnapshot(), m => Assert.Equal("read", m.Tags["operation"]));
        Assert.Empty(LinesAboveDebug());
        Assert.DoesNotContain(_app.Logs.GetSnapshot(), r => r.Message.Contains("Secret", StringComparison.OrdinalIgnoreCase));
        var store = _app.Services.GetRequiredService<IMapStore>();
        Assert.Null(await store.GetLatestConversationMapAsync(Scope(OtherThread), Cancel));
        Assert.Empty(await store.ListMapsAsync(OtherThread, Cancel));
        Assert.Null(await store.GetMemberAsync(OtherThread, Megan.AadObjectId!, Cancel));
    }

    [Fact]
    public async Task In_an_active_maps_thread_what_the_bot_understands_is_taken_without_a_mention_and_talk_is_not()
    {
        foreach (var line in new[] { "start Overheard journey", "Fewer abandoned baskets", "next", "next", "next", "Browse, Buy", "next" })
        {
            await PostAsync(Message(MapThread, Alex, line, mentionBot: true));
        }

        _connector.Reset();
        _app.Logs.Clear();

        await SayWithoutMentionAsync(MapThread, "Lunch at noon? Secret place");

        Assert.Empty(_connector.Requests);
        Assert.Empty(LinesAboveDebug());

        await SayWithoutMentionAsync(MapThread, "status");

        Assert.NotEmpty(_connector.Requests);

        await SayWithoutMentionAsync(MapThread, "touchpoint Buy | website | Pays by card");

        var store = _app.Services.GetRequiredService<IMapStore>();
        var map = (await store.GetLatestConversationMapAsync(Scope(MapThread), Cancel))!.Map;
        var item = Assert.Single((await store.GetBoardAsync(MapThread, map.Id, Cancel)).Items);
        Assert.Equal(("Pays by card", Megan.AadObjectId), (item.Text, item.Author.Id));
    }

    private static ChannelAccount Alex => new() { Id = "29:alex", Name = "Alex Wilber", AadObjectId = "00000000-0000-0000-0000-000000000020" };

    private static ChannelAccount Megan => new() { Id = "29:megan", Name = "Megan Bowen", AadObjectId = "00000000-0000-0000-0000-000000000021" };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static MapScope Scope(string thread) => new(thread, thread);

    // What the host logged above Debug since its logs were cleared, but for the host's own start-up
    // lines, which a test host may write once the test is under way.
    // What the turns logged: the host's own start-up lines (its lifetime, the schedule's runner,
    // which may start after the first request) are not about any message.
    private List<FakeLogRecord> LinesAboveDebug() =>
        [.. _app.Logs.GetSnapshot().Where(r => r.Level > LogLevel.Debug
            && r.Category is not ("Microsoft.Hosting.Lifetime" or "JourneyBot.Web.Scheduling.DueWorkRunner"))];

    private Task SayWithoutMentionAsync(string thread, string text) => PostAsync(Message(thread, Megan, text, mentionBot: false));

    private async Task PostAsync(Activity activity)
    {
        var response = await _app.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // A Teams channel message: without a mention entity it is what Teams delivers under resource-specific consent.
    private Activity Message(string thread, ChannelAccount from, string text, bool mentionBot)
    {
        var activity = Activities.Message(_connector.ServiceUrl(), text, mentionBot, conversationId: thread,
            activityId: $"1:overheard-{Interlocked.Increment(ref _activities)}");
        activity.From = from;
        return activity;
    }
}
