using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;
using JourneyBot.Web.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace JourneyBot.Web.Tests.Rounds;

/// <summary>
/// A team channel with a map at the contributions step, driven through <c>/api/messages</c> of
/// the real host as Teams would drive it: the facilitator Alex, members who said their department
/// in the thread, the progress card's "Ask the departments", the routing card's "Send questions",
/// and members' presses on their question cards in their 1:1 chats. Everything the bot sends
/// lands on the recording connector (loopback); storage is Azurite.
/// </summary>
/// <remarks>
/// The host's clock is a <see cref="FakeTimeProvider"/> (see <see cref="BotApp.UseClock"/>): the
/// progress card's update from elsewhere, reminders and deadlines wait on it, so the test moves
/// it. Chat creations are not paced here (their pace is PersonalChatTests' concern): a paced
/// creation would wait on the held clock.
/// </remarks>
internal sealed class RoundPipeline : IAsyncDisposable
{
    public const string Team = "19:team@thread.tacv2";
    public const string ChannelThread = "19:general@thread.tacv2;messageid=1700000000009";
    public const string Tenant = "tenant-1";
    public const string MapName = "Shoe questions";

    /// <summary>Monday 23 November 2026, 09:00 UTC: the default deadline is Thursday 17:00, the reminder Wednesday 16:30.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly ChannelAccount Alex = new() { Id = "29:alex", Name = "Alex Wilber", AadObjectId = "aad-alex" };
    public static readonly ChannelAccount Megan = new() { Id = "29:megan", Name = "Megan Bowen", AadObjectId = "aad-megan" };
    public static readonly ChannelAccount Adele = new() { Id = "29:adele", Name = "Adele Vance", AadObjectId = "aad-adele" };
    public static readonly ChannelAccount Isaiah = new() { Id = "29:isaiah", Name = "Isaiah Langer", AadObjectId = "aad-isaiah" };

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly MetricCollector<long> _polls;
    private int _activities;

    private RoundPipeline(RecordingConnector connector, FakeTimeProvider clock, BotApp app)
    {
        (Connector, Clock, App) = (connector, clock, app);
        _polls = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), Telemetry.WebMetrics.MeterName, ScheduleMetrics.Polls);
    }

    public RecordingConnector Connector { get; }

    public FakeTimeProvider Clock { get; }

    public BotApp App { get; }

    public IMapStore Store => App.Services.GetRequiredService<IMapStore>();

    public IRoundStore Rounds => App.Services.GetRequiredService<IRoundStore>();

    public string MapId { get; private set; } = string.Empty;

    /// <summary>The progress card's activity id in the thread.</summary>
    public string ProgressId { get; private set; } = string.Empty;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// A host whose roster is Alex, Megan (Sales), Adele (Customer Service) and Isaiah (Product,
    /// who typed <c>mute</c> in the thread), with Alex's map at the contributions step.
    /// </summary>
    /// <param name="connector">The recording connector.</param>
    /// <param name="isaiahMutesInThread">Whether Isaiah types <c>mute</c> in the thread.</param>
    /// <param name="megansZone">Megan's time zone, as her Teams client sends it with her messages.</param>
    public static async Task<RoundPipeline> StartAsync(RecordingConnector connector, bool isaiahMutesInThread = true, string? megansZone = null)
    {
        var clock = new FakeTimeProvider(Start);
        var app = new BotApp(new Dictionary<string, string?>
        {
            // The card stays where it is, however busy the thread (ProgressCardRepostTests bring it down).
            ["ProgressCard:RepostAfterPosts"] = "0",
            ["PersonalChats:CreationsPerSecond"] = "0",
            // Reminders and deadlines are done by the host's own schedule runner, on the moved clock.
            ["Schedule:Enabled"] = "true",

            // Every line at every level, so a test can read all the host says.
            ["Logging:LogLevel:Default"] = "Debug",
        }, s => BotApp.UseClock(s, clock));
        var pipeline = new RoundPipeline(connector, clock, app);
        connector.UseRoster([Alex, Megan, Adele, Isaiah, Activities.Bot]);
        foreach (var line in new[] { "start " + MapName, "Sell more shoes", "skip", "skip", "skip", "template", "next" })
        {
            await pipeline.SayAsync(Alex, line);
        }

        await pipeline.SayAsync(Megan, "department Sales", megansZone);
        await pipeline.SayAsync(Adele, "department Customer Service");
        await pipeline.SayAsync(Isaiah, "department Product");
        if (isaiahMutesInThread)
        {
            await pipeline.SayAsync(Isaiah, "mute");
        }

        var progress = connector.Requests.Single(r => r.Method == "POST" && IsProgressCard(r));
        pipeline.ProgressId = progress.AnsweredId!;
        pipeline.MapId = (await pipeline.Store.GetConversationMapAsync(new MapScope(Team, ChannelThread), Cancel))!.Map.Id;
        await pipeline.SettleAsync();
        return pipeline;
    }

    public async ValueTask DisposeAsync()
    {
        _polls.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>Lets what the turns so far gathered or delayed go out (confirmations, card updates), so that what follows counts alone.</summary>
    public async Task SettleAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(3));
            await App.SendsAfterAnswerAsync();
        }
    }

    /// <summary>A line in the thread, mentioning the bot (from a Teams client in <paramref name="locale"/>, when given).</summary>
    public async Task SayAsync(ChannelAccount who, string text, string? timeZone = null, string? locale = null)
    {
        var activity = Activities.Message(Connector.ServiceUrl(), text, mentionBot: true, conversationId: ChannelThread, activityId: NextId());
        activity.From = Copy(who);
        activity.ChannelData = ChannelData();
        activity.LocalTimezone = timeZone;
        activity.Locale = locale;
        Assert.Equal(HttpStatusCode.OK, (await App.PostActivityAsync(activity)).StatusCode);
    }

    /// <summary>A line typed in the member's 1:1 chat with the bot.</summary>
    public async Task SayInChatAsync(ChannelAccount who, string text)
    {
        var activity = Activities.Message(Connector.ServiceUrl(), text, conversationId: ChatOf(who), activityId: NextId());
        activity.From = Copy(who);
        activity.Conversation = new ConversationAccount { Id = ChatOf(who), ConversationType = "personal", TenantId = Tenant };
        activity.ChannelData = JsonDocument.Parse($$$"""{"tenant":{"id":"{{{Tenant}}}"}}""").RootElement.Clone();
        Assert.Equal(HttpStatusCode.OK, (await App.PostActivityAsync(activity)).StatusCode);
    }

    /// <summary>
    /// Presses a button of a card in the thread as Teams sends it (an <c>adaptiveCard/action</c>
    /// invoke), with <paramref name="inputs"/> merged into its data; gives the invoke's answer.
    /// </summary>
    public async Task<string> PressInThreadAsync(ChannelAccount who, string cardId, JsonObject data, IReadOnlyDictionary<string, string>? inputs = null)
    {
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        var verb = (string)data["verb"]!;
        var invoke = Activities.Invoke(Connector.ServiceUrl(), "adaptiveCard/action",
            new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" }.ToJsonString());
        invoke.Id = NextId();
        invoke.Conversation!.Id = ChannelThread;
        invoke.ReplyToId = cardId;
        invoke.From = Copy(who);
        invoke.ChannelData = ChannelData();
        var response = await App.PostActivityAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new ConnectorRequest("POST", string.Empty, null, await response.Content.ReadAsStringAsync(Cancel)).AllText();
    }

    /// <summary>
    /// "Ask the departments" on the progress card, then "Send questions" on the routing card it
    /// posts, with each stage's departments as given and the card's own default deadline; gives the
    /// invoke's answer to "Send questions" (the routing card as it now is).
    /// </summary>
    public async Task<string> SendRoundAsync(IReadOnlyDictionary<string, string> routes, bool reviewAtDeadline = false, bool anonymous = false)
    {
        var progress = Connector.Requests.Last(r => r.AnsweredId == ProgressId || (r.Method == "PUT" && r.RawTarget.EndsWith("/" + ProgressId, StringComparison.Ordinal)));
        var before = Connector.Requests.Count;
        await PressInThreadAsync(Alex, ProgressId, ActionData(progress, "ask"));
        var routing = Connector.Requests.Skip(before).Single(r => r.Method == "POST" && ConversationOf(r) == ChannelThread);
        var card = CardOf(routing);
        var inputs = new Dictionary<string, string>(routes)
        {
            ["deadlineDate"] = InputValue(card, "deadlineDate"),
            ["deadlineTime"] = InputValue(card, "deadlineTime"),
            ["reviewAtDeadline"] = reviewAtDeadline ? "true" : "false",
            ["anonymous"] = anonymous ? "true" : "false",
        };
        return await PressInThreadAsync(Alex, routing.AnsweredId!, ActionData(routing, "sendRound"), inputs);
    }

    /// <summary>A press on a member's question card in their 1:1 chat, as an Action.Submit message answering the card.</summary>
    public async Task AnswerInChatAsync(ChannelAccount who, string chatId, string? cardId, IReadOnlyDictionary<string, string> values)
    {
        var value = new JsonObject();
        foreach (var (key, text) in values)
        {
            value[key] = text;
        }

        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = NextId(),
            Timestamp = Clock.GetUtcNow(),
            ServiceUrl = Connector.ServiceUrl(),
            ChannelId = "msteams",
            From = Copy(who),
            Recipient = Activities.Bot,
            Conversation = new ConversationAccount { Id = chatId, ConversationType = "personal", TenantId = Tenant },
            ReplyToId = cardId,
            Value = JsonSerializer.SerializeToElement(value),
            ChannelData = JsonDocument.Parse($$$"""{"tenant":{"id":"{{{Tenant}}}"}}""").RootElement.Clone(),
        };
        Assert.Equal(HttpStatusCode.OK, (await App.PostActivityAsync(activity)).StatusCode);
    }

    /// <summary>
    /// A press on a member's question card in their 1:1 chat as Teams sends it (the card's buttons
    /// are Universal Actions: an <c>adaptiveCard/action</c> invoke); gives the invoke's answer.
    /// </summary>
    public async Task<string> PressInChatAsync(ChannelAccount who, string chatId, string cardId, IReadOnlyDictionary<string, string> values)
    {
        var data = new JsonObject();
        foreach (var (key, text) in values)
        {
            data[key] = text;
        }

        var invoke = Activities.Invoke(Connector.ServiceUrl(), "adaptiveCard/action",
            new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = values["verb"], ["data"] = data }, ["trigger"] = "manual" }.ToJsonString());
        invoke.Id = NextId();
        invoke.From = Copy(who);
        invoke.Conversation = new ConversationAccount { Id = chatId, ConversationType = "personal", TenantId = Tenant };
        invoke.ReplyToId = cardId;
        invoke.ChannelData = JsonDocument.Parse($$$"""{"tenant":{"id":"{{{Tenant}}}"}}""").RootElement.Clone();
        var response = await App.PostActivityAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new ConnectorRequest("POST", string.Empty, null, await response.Content.ReadAsStringAsync(Cancel)).AllText();
    }

    /// <summary>Megan's press "add" of a pain point on Purchase (s3), with the team, map and round her card carries.</summary>
    public static Dictionary<string, string> PainPoint(string mapId, int round, string text = "The size guide hides in a footer") => new()
    {
        ["verb"] = "add", ["mapId"] = mapId, ["team"] = Team, ["round"] = round.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["kind"] = "pain", ["pain.stage"] = "s3", ["pain.text"] = text, ["pain.evidence"] = "reported",
    };

    /// <summary>
    /// Moves the clock on half a second at a time (at most a minute of it) until a request matching
    /// <paramref name="match"/> has arrived: background work waiting on the clock (the progress
    /// card's update from elsewhere) goes out once its moment comes.
    /// </summary>
    public async Task<ConnectorRequest> TickUntilAsync(Func<ConnectorRequest, bool> match, string what, int after = 0)
    {
        await TickUntilAsync(() => Connector.Requests.Skip(after).Any(match), what);
        return Connector.Requests.Skip(after).First(match);
    }

    /// <summary>Moves the clock on half a second at a time (at most a minute of it) until <paramref name="done"/>.</summary>
    public async Task TickUntilAsync(Func<bool> done, string what)
    {
        for (var i = 0; i < 120; i++)
        {
            if (done())
            {
                return;
            }

            Clock.Advance(TimeSpan.FromMilliseconds(500));
            try
            {
                await Connector.WaitForAsync(_ => done(), TimeSpan.FromMilliseconds(100));
            }
            catch (TimeoutException)
            {
                // Not yet: move on.
            }
        }

        if (!done())
        {
            throw new TimeoutException($"No {what} within a minute of the test's clock.");
        }
    }

    /// <summary>Waits (bounded) for a request matching <paramref name="match"/> without moving the clock.</summary>
    public Task<ConnectorRequest> WaitForAsync(Func<ConnectorRequest, bool> match) => Connector.WaitForAsync(match, Wait);

    /// <summary>
    /// Moves the clock to <paramref name="at"/> and waits until the schedule has polled there, and
    /// once more a poll interval later: whatever the runner was doing when the clock moved, a whole
    /// poll (which counts only once all it claimed is done) has run at or after <paramref name="at"/>.
    /// </summary>
    public async Task MoveToAsync(DateTimeOffset at)
    {
        var polls = _polls.GetMeasurementSnapshot().Count;
        Clock.Advance(at - Clock.GetUtcNow());
        await _polls.WaitForMeasurementsAsync(polls + 1, Cancel).WaitAsync(Wait, Cancel);
        await PollAsync();
    }

    /// <summary>Waits until the schedule has polled <paramref name="more"/> more times, moving the clock a poll interval each time.</summary>
    public async Task PollAsync(int more = 1)
    {
        for (var i = 0; i < more; i++)
        {
            var polls = _polls.GetMeasurementSnapshot().Count;
            Clock.Advance(TimeSpan.FromSeconds(5));
            await _polls.WaitForMeasurementsAsync(polls + 1, Cancel).WaitAsync(Wait, Cancel);
        }
    }

    /// <summary>The conversation a request went to (decoded), or null for a create or a members call.</summary>
    public static string? ConversationOf(ConnectorRequest request)
    {
        var path = request.RawTarget.Split('?')[0];
        const string Marker = "/v3/conversations/";
        var at = path.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = path[(at + Marker.Length)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return Uri.UnescapeDataString(slash < 0 ? rest : rest[..slash]);
    }

    /// <summary>Whether the request is a post (POST) or update (PUT) of an activity in <paramref name="conversation"/>.</summary>
    public static bool IsActivityIn(ConnectorRequest request, string conversation) =>
        request.Method is "POST" or "PUT" && !request.CreatesConversation && ConversationOf(request) == conversation
        && request.RawTarget.Contains("/activities", StringComparison.Ordinal);

    /// <summary>Whether the request updates the progress card in place.</summary>
    public bool UpdatesProgressCard(ConnectorRequest request) =>
        request.Method == "PUT" && ConversationOf(request) == ChannelThread && request.RawTarget.EndsWith("/activities/" + ProgressId, StringComparison.Ordinal);

    /// <summary>The progress card is the one card that refreshes itself.</summary>
    public static bool IsProgressCard(ConnectorRequest request) =>
        request.Activity.Attachments is [{ Content: { } card }] && card.TryGetProperty("refresh", out _);

    /// <summary>The adaptive card a request carries.</summary>
    public static JsonElement CardOf(ConnectorRequest request) =>
        JsonDocument.Parse(request.Body).RootElement.GetProperty("attachments")[0].GetProperty("content").Clone();

    /// <summary>The data of the first button on the card with verb <paramref name="verb"/>, as Teams would send it back.</summary>
    public static JsonObject ActionData(ConnectorRequest request, string verb) =>
        FindAction(CardOf(request), verb) is { } data
            ? JsonNode.Parse(data.GetRawText())!.AsObject()
            : throw new InvalidOperationException($"No button with verb {verb} on the card.");

    /// <summary>The chat id the recording connector gives a member's 1:1 chat.</summary>
    public static string ChatOf(ChannelAccount member) => $"a:1on1-{member.Id!.Replace(':', '-')}";

    private static JsonElement? FindAction(JsonElement element, string verb)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String && v.GetString() == verb
                    && element.TryGetProperty("data", out var data))
                {
                    return data;
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (FindAction(property.Value, verb) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindAction(item, verb) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string InputValue(JsonElement element, string id)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("id", out var found) && found.GetString() == id)
            {
                return element.GetProperty("value").GetString()!;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && TryInput(property.Value, id) is { } value)
                {
                    return value;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (TryInput(item, id) is { } value)
                {
                    return value;
                }
            }
        }

        throw new InvalidOperationException($"No input {id} on the card.");
    }

    private static string? TryInput(JsonElement element, string id)
    {
        try
        {
            return InputValue(element, id);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static ChannelAccount Copy(ChannelAccount who) => new() { Id = who.Id, Name = who.Name, AadObjectId = who.AadObjectId };

    private static JsonElement ChannelData() =>
        JsonDocument.Parse($$$"""{"team":{"id":"{{{Team}}}"},"tenant":{"id":"{{{Tenant}}}"},"channel":{"id":"19:general@thread.tacv2"}}""").RootElement.Clone();

    private string NextId() => $"1:round-{Interlocked.Increment(ref _activities)}";
}
