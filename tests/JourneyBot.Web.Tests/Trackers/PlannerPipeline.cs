using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Scheduling;
using JourneyBot.Conversation.Trackers;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JourneyBot.Web.Tests.Trackers;

/// <summary>
/// A team channel whose facilitator Alex started a map, driven through <c>/api/messages</c> of the
/// real host with authentication on: tokens for Graph from the local token service, Planner on
/// the fake Graph, the connector recording, storage in Azurite. Actions are seeded through
/// <see cref="IActionStore"/> (making them is another part's concern).
/// </summary>
internal sealed class PlannerPipeline : IAsyncDisposable
{
    public const string Team = "19:team@thread.tacv2";
    public const string Thread = "19:general@thread.tacv2;messageid=1700000000400";
    public const string Tenant = "8f6e2b1a-4c3d-4e5f-a6b7-c8d9e0f1a2b3";
    public const string Group = "2c1f7a4e-9b3d-4e8a-b5c6-d7e8f9a0b1c2";
    public const string PlanId = "plan-xqjmzbk4";
    public const string MeganId = "3c1a9e52-7b4d-4f0e-9a6c-2d8b1f4e7a90";
    public const string ActionId = "k3f9q";

    public static readonly ChannelAccount Alex = new() { Id = "29:alex", Name = "Alex Wilber", AadObjectId = "00000000-0000-0000-0000-000000000020" };
    public static readonly ChannelAccount Megan = new() { Id = "29:megan", Name = "Megan Bowen", AadObjectId = MeganId };
    public static readonly ChannelAccount Isaiah = new() { Id = "29:isaiah", Name = "Isaiah Langer", AadObjectId = "5d2b0f63-8c5e-4a1f-8b7d-3e9c2a5f8b01" };

    /// <summary>Tuesday 1 December 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private int _activities;

    private PlannerPipeline(BotApp app, RecordingConnector connector, FakeGraph graph, FakeTimeProvider? clock) =>
        (App, Connector, Graph, Clock) = (app, connector, graph, clock);

    public BotApp App { get; }

    public RecordingConnector Connector { get; }

    public FakeGraph Graph { get; }

    /// <summary>The host's clock, when the test holds it (null: the system clock, which retries after a 429 wait on).</summary>
    public FakeTimeProvider? Clock { get; }

    public IActionStore Actions => App.Services.GetRequiredService<IActionStore>();

    public string MapId { get; private set; } = string.Empty;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A host with Planner on, the team's group holding two plans, and Alex's map started in the thread.</summary>
    public static async Task<PlannerPipeline> StartAsync(
        TestTokenIssuer issuer, TestTokenService tokens, RecordingConnector connector, FakeGraph graph, bool holdClock = true)
    {
        graph.Plans[Group] = [(PlanId, "Customer journey actions"), ("plan-other", "Store refit")];
        var settings = BotApp.WithAuthentication(issuer, tokens);
        settings["Planner:Enabled"] = "true";
        settings["Graph:BaseUrl"] = graph.BaseUrl;
        // The longest allowed: a first token and TLS handshake on a busy machine take their time.
        settings["Planner:Timeout"] = "00:00:09";
        var clock = holdClock ? new FakeTimeProvider(Start) : null;
        var app = new BotApp(settings, services =>
        {
            BotApp.TrustingTokenService(tokens)(services);
            if (clock is not null)
            {
                BotApp.UseClock(services, clock);
            }
        });
        var pipeline = new PlannerPipeline(app, connector, graph, clock);
        await pipeline.SayAsync(Alex, "start Shoe actions");
        var map = await app.Services.GetRequiredService<IMapStore>().GetLatestConversationMapAsync(new MapScope(Team, Thread), Cancel);
        pipeline.MapId = map!.Map.Id;
        connector.Reset();
        return pipeline;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    /// <summary>Megan's action on the map, due Friday 18 December, not yet in Planner (or being sent, by a send that <paramref name="sending"/> names).</summary>
    public async Task<OwnedAction> SeedActionAsync(Person? owner = null, TrackerSend? sending = null)
    {
        var action = new OwnedAction
        {
            Id = ActionId,
            StageId = "s1",
            Text = "Show shipping costs on the product page",
            Owner = owner ?? new Person(MeganId, "Megan Bowen"),
            OwnerDepartment = "Sales",
            Due = new DateOnly(2026, 12, 18),
            CreatedBy = new Person(Alex.AadObjectId!, Alex.Name!),
            CreatedAt = Start,
            Sending = sending,
        };
        Assert.True(await Actions.TryAddActionAsync(Team, MapId, action, Cancel));
        return action;
    }

    /// <summary>The team chose the plan (as <c>tracker planner</c> and its card do).</summary>
    public Task SeedTrackerAsync() => Actions.PutTrackerAsync(Team,
        new TeamTracker("planner", PlanId, "Customer journey actions", Group, new Person(Alex.AadObjectId!, Alex.Name!), Start), Cancel);

    /// <summary>The map as published (version 1), as publishing keeps it: what its card's refresh shows.</summary>
    public async Task SeedPublishedAsync()
    {
        var store = App.Services.GetRequiredService<IMapStore>();
        var map = (await store.GetLatestConversationMapAsync(new MapScope(Team, Thread), Cancel))!.Map;
        map.PublishedVersion = 1;
        await store.PutPublishedAsync(Team, MapId, 1, new PublishedMap(map, await store.GetBoardAsync(Team, MapId, Cancel)), Cancel);
    }

    /// <summary>The published map card's refresh (Universal Actions), as Teams sends it when <paramref name="who"/> looks at the card.</summary>
    public Task<string> RefreshAsync(ChannelAccount who) => PressAsync(who, "mapCard",
        new JsonObject { ["mapId"] = MapId, ["version"] = "1", ["intro"] = "published" });

    public async Task<OwnedAction> ActionAsync() => (await Actions.GetActionAsync(Team, MapId, ActionId, Cancel))!.Action;

    /// <summary>A message in the thread mentioning the bot (or in a group chat, outside any team).</summary>
    public async Task SayAsync(ChannelAccount who, string text, bool inTeam = true, bool withGroup = true)
    {
        var activity = Activities.Message(Connector.ServiceUrl(), text, mentionBot: true, conversationId: inTeam ? Thread : "19:chat@thread.v2", activityId: NextId());
        activity.From = who;
        activity.Conversation!.TenantId = Tenant;
        activity.Conversation.ConversationType = inTeam ? "channel" : "groupChat";
        activity.ChannelData = ChannelData(inTeam, withGroup);
        var response = await App.PostActivityAsync(activity, TestTokenIssuer.ChannelToken(BotApp.AppId, Connector.ServiceUrl()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A press (Action.Execute) in the thread; the text of the invoke's answer.</summary>
    public async Task<string> PressAsync(ChannelAccount who, string verb, JsonObject data)
    {
        data["verb"] = verb;
        var invoke = Activities.Invoke(Connector.ServiceUrl(), "adaptiveCard/action",
            new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" }.ToJsonString());
        invoke.Id = NextId();
        invoke.From = who;
        invoke.Conversation!.Id = Thread;
        invoke.Conversation.TenantId = Tenant;
        invoke.ReplyToId = "1:card";
        invoke.ChannelData = ChannelData(inTeam: true);
        var response = await App.PostActivityAsync(invoke, TestTokenIssuer.ChannelToken(BotApp.AppId, Connector.ServiceUrl()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new ConnectorRequest("POST", string.Empty, null, await response.Content.ReadAsStringAsync(Cancel)).AllText();
    }

    /// <summary>Send to Planner on the action's card, as its button carries it.</summary>
    public Task<string> SendAsync(ChannelAccount who) => PressAsync(who, "sendToPlanner",
        new JsonObject { ["team"] = Team, ["mapId"] = MapId, ["sendAction"] = ActionId });

    /// <summary>Everything the bot posted so far, as text.</summary>
    public string Posted() => string.Join("\n", Connector.Requests.Select(r => r.AllText()));

    /// <summary>The map's scheduled read-back, as the schedule holds it (claimed, to run it now).</summary>
    public async Task<ClaimedWork?> ScheduledSyncAsync()
    {
        var schedule = App.Services.GetRequiredService<IDueWorkStore>();
        // Two hours ahead of the host's clock: the pass falls in the next hour; the schedule starts looking an hour or so back.
        var due = await schedule.ClaimDueAsync((Clock?.GetUtcNow() ?? DateTimeOffset.UtcNow).AddHours(2), "test", TimeSpan.FromMinutes(5), 50, Cancel);
        return due.SingleOrDefault(w => w.Work.Kind == TrackerWork.Kind);
    }

    /// <summary>Runs the read-back pass as the schedule's runner would, and marks it done.</summary>
    public async Task RunSyncAsync(ClaimedWork claimed)
    {
        await App.Services.GetServices<IDueWorkHandler>().Single(h => h.Kind == TrackerWork.Kind).HandleAsync(claimed.Work, Cancel);
        Assert.True(await App.Services.GetRequiredService<IDueWorkStore>().CompleteAsync(claimed, Cancel));
    }

    // A team channel's, as Teams sends it: with the team's group on some activities, without on most messages.
    private static JsonElement ChannelData(bool inTeam, bool withGroup = true) => JsonDocument.Parse((inTeam, withGroup) switch
    {
        (true, true) => $$$"""{"team":{"id":"{{{Team}}}","aadGroupId":"{{{Group}}}"},"channel":{"id":"19:general@thread.tacv2"},"tenant":{"id":"{{{Tenant}}}"}}""",
        (true, false) => $$$"""{"team":{"id":"{{{Team}}}"},"channel":{"id":"19:general@thread.tacv2"},"tenant":{"id":"{{{Tenant}}}"}}""",
        _ => $$$"""{"tenant":{"id":"{{{Tenant}}}"}}""",
    }).RootElement.Clone();

    private string NextId() => $"1:planner-{Interlocked.Increment(ref _activities)}";
}
