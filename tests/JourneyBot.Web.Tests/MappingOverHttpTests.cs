using System.Net;
using System.Text.Json;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>
/// Mapping sessions through the real pipeline and the real store (Azurite): many members at once,
/// redelivery, restarts, several bot instances, and both kinds of card buttons.
/// </summary>
public sealed class MappingOverHttpTests : IClassFixture<ConnectorFixture>
{
    private const string Thread = "19:general@thread.tacv2;messageid=1700000000001";
    private readonly RecordingConnector _connector;
    private int _activities;

    public MappingOverHttpTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    private static readonly string[] SetupLines =
    [
        "start Shoe journey", "Help first-time runners buy online", "Ana, 34, new runner", "Decides to run", "First run", "template", "next",
    ];

    [Fact]
    public async Task Fifty_members_adding_at_the_same_instant_all_land()
    {
        await using var app = NewApp();
        await SetUpAsync(app);

        var posts = Enumerable.Range(1, 50).Select(n => app.PostActivityAsync(
            From($"member-{n}", $"Member {n}", $"touchpoint Purchase | website | Idea number {n}")));
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var board = await BoardAsync(app);
        Assert.Equal(50, board.Items.Count);
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"Idea number {n}").Order(), board.Items.Select(i => i.Text).Order());
        Assert.Equal(50, board.Items.Select(i => i.Author.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_same_activity_delivered_twice_adds_one_item()
    {
        await using var app = NewApp();
        await SetUpAsync(app);
        var activity = From("megan", "Megan Bowen", "pain Purchase | Sizes run small");

        await app.PostActivityAsync(activity);
        await app.PostActivityAsync(activity);

        Assert.Single((await BoardAsync(app)).Items);
    }

    [Fact]
    public async Task A_new_bot_instance_on_the_same_storage_carries_on_a_half_done_session()
    {
        var table = (await Azurite.SharedAsync()).NewTableName();
        await using (var first = NewApp(table))
        {
            await SayAsync(first, "alex", "start Restarted journey");
            await SayAsync(first, "alex", "Win back lapsed runners");
        }

        await using var second = NewApp(table);
        await SayAsync(second, "alex", "Runners who stopped buying");

        var map = await MapAsync(second);
        Assert.Equal(("Win back lapsed runners", "Runners who stopped buying", MapStep.StartPoint), (map.Objective, map.Persona, map.Step));
    }

    [Fact]
    public async Task Two_instances_taking_turns_build_the_same_map_as_one()
    {
        string[] script =
        [
            .. SetupLines,
            "touchpoint Awareness | ads | Poster", "pain Purchase | Slow checkout", "emotion Purchase | -1 | tense",
            "opportunity Purchase | One-page checkout | Product", "goal Retention | Keep running", "back", "next", "next",
        ];
        var table = (await Azurite.SharedAsync()).NewTableName();
        await using var one = NewApp(table);
        await using var two = NewApp(table);
        await using var alone = NewApp();

        for (var i = 0; i < script.Length; i++)
        {
            await SayAsync(i % 2 == 0 ? one : two, "alex", script[i]);
            await SayAsync(alone, "alex", script[i]);
        }

        var (shared, single) = (await MapAsync(one), await MapAsync(alone));
        Assert.Equal((single.Objective, single.Persona, single.StartPoint, single.EndPoint, single.Step),
            (shared.Objective, shared.Persona, shared.StartPoint, shared.EndPoint, shared.Step));
        Assert.Equal(single.Stages, shared.Stages);
        Assert.Equal(MapStep.Review, shared.Step);
        Assert.Equal(Describe(await BoardAsync(alone), single), Describe(await BoardAsync(one), shared));
    }

    [Fact]
    public async Task An_action_submit_updates_the_pressed_card_in_place()
    {
        await using var app = NewApp();
        await SayAsync(app, "alex", "start Submit journey");
        var map = await MapAsync(app);
        _connector.Reset();
        var press = From("alex", "Alex Wilber", string.Empty);
        press.ReplyToId = "card-activity-7";
        press.Value = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["verb"] = "answer", ["mapId"] = map.Id, ["step"] = "Objective", ["answer"] = "Sell more trail shoes",
        });

        var response = await app.PostActivityAsync(press);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = Assert.Single(_connector.Requests);
        Assert.Equal("PUT", update.Method);
        Assert.EndsWith("/activities/card-activity-7", update.RawTarget, StringComparison.Ordinal);
        var card = Assert.Single(update.Activity.Attachments!);
        Assert.Equal(Attachment.AdaptiveCardContentType, card.ContentType);
        Assert.Contains("Step 2 of 7: Persona", card.Content!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("Sell more trail shoes", (await MapAsync(app)).Objective);
    }

    [Fact]
    public async Task Members_pressing_one_card_while_its_update_waits_cost_at_most_one_more_update_which_shows_the_newest()
    {
        await using var app = NewApp();
        await SetUpAsync(app);
        var map = await MapAsync(app);
        _connector.Reset();

        var release = _connector.Hold();
        try
        {
            foreach (var n in new[] { 1, 2, 3 })
            {
                var press = From($"member-{n}", $"Member {n}", string.Empty);
                press.ReplyToId = "contribute-card";
                press.Value = JsonSerializer.SerializeToElement(new Dictionary<string, string>
                {
                    ["verb"] = "add", ["mapId"] = map.Id, ["step"] = "Contribute", ["kind"] = "touchpoint", ["touchpoint.stage"] = map.Stages[0].Id,
                    ["touchpoint.text"] = $"Idea number {n}", ["touchpoint.channel"] = "website", ["touchpoint.evidence"] = "observed",
                });
                var response = await app.PostWithoutWaitingForSendsAsync(press.ToJson()).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        finally
        {
            release();
        }

        await app.SendsAfterAnswerAsync();
        var updates = _connector.Requests.Where(r => r.Method == "PUT" && r.RawTarget.EndsWith("/activities/contribute-card", StringComparison.Ordinal)).ToList();
        Assert.InRange(updates.Count, 1, 2); // the one under way when the others came, then the newest; never one per press
        Assert.Contains("Idea number 3", updates[^1].Body, StringComparison.Ordinal);
        Assert.Equal(3, (await BoardAsync(app)).Items.Count);
    }

    [Fact]
    public async Task An_action_execute_is_answered_with_the_next_card_in_the_http_response()
    {
        await using var app = NewApp();
        await SayAsync(app, "alex", "start Execute journey");
        var map = await MapAsync(app);
        _connector.Reset();
        var invoke = Activities.Invoke(_connector.ServiceUrl(), "adaptiveCard/action", JsonSerializer.Serialize(new
        {
            action = new
            {
                type = "Action.Execute",
                verb = "answer",
                data = new Dictionary<string, string> { ["verb"] = "answer", ["mapId"] = map.Id, ["step"] = "Objective", ["answer"] = "Sell more road shoes" },
            },
            trigger = "manual",
        }));
        invoke.Conversation!.Id = Thread;
        invoke.From = new ChannelAccount { Id = "alex", Name = "Alex Wilber" };

        var response = await app.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("AdaptiveCard", body.RootElement.GetProperty("value").GetProperty("type").GetString());
        Assert.Contains("Step 2 of 7: Persona", body.RootElement.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Empty(_connector.Requests);
        Assert.Equal("Sell more road shoes", (await MapAsync(app)).Objective);
    }

    private static BotApp NewApp(string? table = null) =>
        new(table is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["Storage:TableName"] = table });

    private async Task SetUpAsync(BotApp app)
    {
        foreach (var line in SetupLines)
        {
            await SayAsync(app, "alex", line);
        }
    }

    private async Task SayAsync(BotApp app, string who, string text)
    {
        var response = await app.PostActivityAsync(From(who, who == "alex" ? "Alex Wilber" : who, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Activity From(string id, string name, string text)
    {
        var activity = Activities.Message(_connector.ServiceUrl(), text, mentionBot: true, conversationId: Thread,
            activityId: $"1:activity-{Interlocked.Increment(ref _activities)}");
        activity.From = new ChannelAccount { Id = id, Name = name };
        return activity;
    }

    private static async Task<JourneyMap> MapAsync(BotApp app) =>
        (await app.Services.GetRequiredService<IMapStore>().GetConversationMapAsync(new MapScope(Thread, Thread), TestContext.Current.CancellationToken))!.Map;

    private static async Task<MapBoard> BoardAsync(BotApp app) =>
        await app.Services.GetRequiredService<IMapStore>().GetBoardAsync(Thread, (await MapAsync(app)).Id, TestContext.Current.CancellationToken);

    private static IEnumerable<string> Describe(MapBoard board, JourneyMap map) =>
        board.Items.Select(i => $"{i.Kind} {map.Stages.Single(s => s.Id == i.StageId).Name} {i.Text} {i.Channel} {i.Score} {i.Owner}").Order();
}
