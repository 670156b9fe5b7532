using System.Net;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Protocol.Hosting;
using JourneyBot.Protocol.Schema;
using JourneyBot.Storage;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Tests;

/// <summary>
/// Storage that stops answering (frozen) or refuses connections, through a proxy in front of
/// Azurite: every turn is answered within the turn deadline, nothing is half stored, and the bot
/// carries on by itself once storage is back.
/// </summary>
public sealed class StorageOutageTests : IClassFixture<ConnectorFixture>
{
    private const string Thread = "19:general@thread.tacv2;messageid=1700000000016";
    private const string Apology = "Sorry, something went wrong on my side and I could not finish that. Please try again.";

    // Far beyond the deadline the tests set, and far below the storage client's own give-up time
    // before turns had a deadline (three tries of ten seconds): a turn held that long fails the test.
    private static readonly TimeSpan Hung = TimeSpan.FromSeconds(20);

    private static readonly string[] SetupLines =
    [
        "start Outage journey", "Help first-time runners buy online", "Ana, 34, new runner", "Decides to run", "First run", "template", "next",
    ];

    private readonly RecordingConnector _connector;
    private int _activities;

    public StorageOutageTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    [Fact]
    public async Task A_turn_held_by_frozen_storage_is_answered_at_the_deadline_with_the_apology_and_the_bot_recovers()
    {
        await using var storage = StorageStandIn.Start((await Azurite.SharedAsync()).Port);
        await using var app = NewApp(storage);
        await SetUpAsync(app);

        storage.Stall();
        _connector.Reset();
        var held = await app.PostActivityAsync(From("megan", "pain Purchase | Held by the freeze")).WaitAsync(Hung, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal(Apology, Assert.Single(_connector.Requests).Activity.Text);
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Id.Id == 1140);

        storage.Forward();
        await SayAsync(app, "megan", "pain Purchase | After the freeze");

        Assert.Equal(["After the freeze"], (await BoardAsync(app)).Items.Select(i => i.Text));
    }

    [Fact]
    public async Task A_turn_when_storage_refuses_connections_is_answered_with_the_apology_and_the_bot_recovers()
    {
        await using var storage = StorageStandIn.Start((await Azurite.SharedAsync()).Port);
        await using var app = NewApp(storage);
        await SetUpAsync(app);

        storage.Refuse();
        _connector.Reset();
        var refused = await app.PostActivityAsync(From("megan", "pain Purchase | Refused by storage")).WaitAsync(Hung, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Equal(Apology, Assert.Single(_connector.Requests).Activity.Text);

        storage.Forward();
        await SayAsync(app, "megan", "pain Purchase | After the refusal");

        Assert.Equal(["After the refusal"], (await BoardAsync(app)).Items.Select(i => i.Text));
    }

    [Fact]
    public async Task The_apology_speaks_the_failed_activitys_locale_without_reading_the_team_from_the_storage_that_failed()
    {
        await using var storage = StorageStandIn.Start((await Azurite.SharedAsync()).Port);
        await using var app = NewApp(storage);
        await SetUpAsync(app);

        storage.Refuse();
        _connector.Reset();
        var spanish = From("megan", "pain Purchase | Refused by storage");
        spanish.Locale = "es-ES";
        var refused = await app.PostActivityAsync(spanish).WaitAsync(Hung, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Equal("Perdona, algo ha fallado por mi parte y no he podido terminarlo. Vuelve a intentarlo.", Assert.Single(_connector.Requests).Activity.Text);
    }

    [Fact]
    public async Task The_storage_client_gives_up_before_the_turn_deadline()
    {
        await using var app = new BotApp(new Dictionary<string, string?>());

        var storage = app.Services.GetRequiredService<IOptions<TableStorageOptions>>().Value;
        var deadline = app.Services.GetRequiredService<IOptions<BotHostOptions>>().Value.TurnTimeout;

        Assert.True(storage.WorstCaseRequestTime < deadline, $"{storage.WorstCaseRequestTime} per storage call, {deadline} per turn");
    }

    // The deadline is short so the test is quick; storage keeps its own (production) timeouts,
    // so a frozen request is cut by the deadline, not by the storage client.
    private static BotApp NewApp(StorageStandIn storage) => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Tables"] = Azurite.ConnectionStringFor(storage.Port),
        ["BotHost:TurnTimeout"] = "00:00:02",
    });

    private async Task SetUpAsync(BotApp app)
    {
        foreach (var line in SetupLines)
        {
            await SayAsync(app, "alex", line);
        }
    }

    private async Task SayAsync(BotApp app, string who, string text)
    {
        var response = await app.PostActivityAsync(From(who, text)).WaitAsync(Hung, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Activity From(string who, string text)
    {
        var activity = Activities.Message(_connector.ServiceUrl(), text, mentionBot: true, conversationId: Thread,
            activityId: $"1:outage-{Interlocked.Increment(ref _activities)}");
        activity.From = new ChannelAccount { Id = who, Name = who };
        return activity;
    }

    private static async Task<MapBoard> BoardAsync(BotApp app)
    {
        var store = app.Services.GetRequiredService<IMapStore>();
        var map = (await store.GetConversationMapAsync(new MapScope(Thread, Thread), TestContext.Current.CancellationToken))!.Map;
        return await store.GetBoardAsync(Thread, map.Id, TestContext.Current.CancellationToken);
    }
}
