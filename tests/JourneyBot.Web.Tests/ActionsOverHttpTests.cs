using System.Globalization;
using System.Net;
using System.Text.Json;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>
/// Issue 17 through the real pipeline and the real store (Azurite): an opportunity made an action
/// by a Teams mention of a member the connector lists, and through the review card's form.
/// </summary>
public sealed class ActionsOverHttpTests : IClassFixture<ConnectorFixture>
{
    private const string Thread = "19:actions@thread.tacv2;messageid=1700000000001";
    private readonly RecordingConnector _connector;
    private int _activities;

    public ActionsOverHttpTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
        _connector.UseRoster(
        [
            new ChannelAccount { Id = "29:alex", Name = "Alex Wilber", AadObjectId = "aad-alex" },
            new ChannelAccount { Id = "29:adele", Name = "Adele Vance", AadObjectId = "aad-adele" },
        ]);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // A month from today, as a member would type it.
    private static string Due => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_act_mentioning_a_member_is_stored_with_the_member_the_roster_names_and_answered_in_the_thread()
    {
        await using var app = new BotApp(new Dictionary<string, string?>());
        var opportunity = await ReviewAsync(app);
        var act = From($"act {opportunity.Id[..5]} <at>Adele Vance</at> by {Due} | repeat purchase: 18% -> 25%");
        act.Entities = [.. act.Entities!, new Entity
        {
            Type = Entity.MentionType, Mentioned = new ChannelAccount { Id = "29:adele", Name = "Adele Vance" }, Text = "<at>Adele Vance</at>",
        }];

        var response = await app.PostActivityAsync(act);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var action = Assert.Single((await ActionsAsync(app)).Actions);
        Assert.Equal((opportunity.Id, new Person("aad-adele", "Adele Vance"), new SuccessMeasure("repeat purchase", "18%", "25%")),
            (action.Id, action.Owner, action.Measure));
        Assert.Contains(_connector.Requests, r => r.Method == "POST" && r.Body.Contains("Adele Vance owns it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Make_it_an_action_answers_the_form_with_the_people_picker_and_its_submit_stores_the_action()
    {
        await using var app = new BotApp(new Dictionary<string, string?>());
        var opportunity = await ReviewAsync(app);
        var map = await MapAsync(app);
        var data = new Dictionary<string, string> { ["verb"] = "actionForm", ["mapId"] = map.Id, ["step"] = "Review", ["opportunity"] = opportunity.Id };

        using var form = await ExecuteAsync(app, "actionForm", data);
        data["verb"] = "makeAction";
        data["action.owner"] = "aad-adele";
        data["action.due"] = Due;
        using var made = await ExecuteAsync(app, "makeAction", data);

        var card = form.RootElement.GetProperty("value").GetRawText();
        Assert.Contains("\"choices.data\":{\"dataset\":\"graph.microsoft.com/users\",\"type\":\"Data.Query\"}", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Adele Vance\",\"value\":\"aad-adele\"", card, StringComparison.Ordinal);
        Assert.Contains("Action: Adele Vance owns it", made.RootElement.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(new Person("aad-adele", "Adele Vance"), Assert.Single((await ActionsAsync(app)).Actions).Owner);
    }

    // A map at its review with one voted opportunity.
    private async Task<MapItem> ReviewAsync(BotApp app)
    {
        foreach (var line in new[]
        {
            "start Action journey", "Help first-time runners buy online", "next", "next", "next", "template", "next",
            "opportunity Purchase | Virtual fitting from a foot photo | Product", "touchpoint Purchase | website | Checkout page", "next",
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await app.PostActivityAsync(From(line))).StatusCode);
        }

        var board = await app.Services.GetRequiredService<IMapStore>().GetBoardAsync(Thread, (await MapAsync(app)).Id, Cancel);
        var opportunity = board.Items.Single(i => i.Kind == ItemKind.Opportunity);
        Assert.Equal(HttpStatusCode.OK, (await app.PostActivityAsync(From($"vote {opportunity.Id[..5]}"))).StatusCode);
        return opportunity;
    }

    private async Task<JsonDocument> ExecuteAsync(BotApp app, string verb, Dictionary<string, string> data)
    {
        var invoke = Activities.Invoke(_connector.ServiceUrl(), "adaptiveCard/action",
            JsonSerializer.Serialize(new { action = new { type = "Action.Execute", verb, data }, trigger = "manual" }));
        invoke.Id = $"1:invoke-{Interlocked.Increment(ref _activities)}";
        invoke.Conversation!.Id = Thread;
        invoke.From = new ChannelAccount { Id = "29:alex", Name = "Alex Wilber", AadObjectId = "aad-alex" };
        var response = await app.PostActivityAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
    }

    private Activity From(string text)
    {
        var activity = Activities.Message(_connector.ServiceUrl(), text, mentionBot: true, conversationId: Thread,
            activityId: $"1:activity-{Interlocked.Increment(ref _activities)}");
        activity.From = new ChannelAccount { Id = "29:alex", Name = "Alex Wilber", AadObjectId = "aad-alex" };
        return activity;
    }

    private static async Task<JourneyMap> MapAsync(BotApp app) =>
        (await app.Services.GetRequiredService<IMapStore>().GetConversationMapAsync(new MapScope(Thread, Thread), Cancel))!.Map;

    private static async Task<MapActions> ActionsAsync(BotApp app) =>
        await app.Services.GetRequiredService<IActionStore>().GetActionsAsync(Thread, (await MapAsync(app)).Id, Cancel);
}
