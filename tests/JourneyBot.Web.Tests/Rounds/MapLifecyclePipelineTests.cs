using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Protocol.Schema;
using JourneyBot.Storage;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static JourneyBot.Web.Tests.Rounds.RoundPipeline;

namespace JourneyBot.Web.Tests.Rounds;

/// <summary>
/// A team's data over time through the real host: the bot removed from the team (an
/// <c>installationUpdate</c> through <c>/api/messages</c>), and a map deleted from the channel,
/// with what is left read from both tables (the maps' and the schedule's), every partition.
/// </summary>
public sealed class MapLifecyclePipelineTests : IClassFixture<ConnectorFixture>
{
    private const string OtherThread = "19:stores@thread.tacv2;messageid=1700000000777";

    private readonly RecordingConnector _connector;

    public MapLifecyclePipelineTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_bot_removed_from_the_team_archives_the_map_being_made_closes_its_round_drops_its_scheduled_work_and_posts_nothing()
    {
        await using var round = await StartAsync(_connector);
        await round.SendRoundAsync(RoundPipelineTests.Routes);
        await Task.WhenAll(new[] { Megan, Adele, Isaiah }.Select(m => round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(m))));
        await round.SettleAsync();
        Assert.NotEmpty(await DueRowsOfAsync(round, round.MapId));
        var before = _connector.Requests.Count;

        var remove = Activities.Of(ActivityTypes.InstallationUpdate, _connector.ServiceUrl());
        remove.Action = "remove";
        remove.Conversation = new ConversationAccount { Id = "19:general@thread.tacv2", ConversationType = "channel", TenantId = Tenant };
        remove.ChannelData = TeamChannelData();
        Assert.Equal(HttpStatusCode.OK, (await round.App.PostActivityAsync(remove)).StatusCode);

        var map = (await round.Store.GetConversationMapAsync(new MapScope(Team, ChannelThread), Cancel))!.Map;
        Assert.Equal(MapStatus.Archived, map.Status);
        Assert.Equal(RoundState.Closed, (await round.Rounds.GetAsync(Team, map.Id, 1, Cancel))!.State);
        Assert.Empty(await DueRowsOfAsync(round, map.Id));
        Assert.Equal(map.Id, Assert.Single(await round.Store.ListMapsAsync(Team, Cancel)).Id); // closed, not deleted
        // No message (the progress card's grid may still be brought up to date in place, as the deliveries left it).
        await round.SettleAsync();
        Assert.DoesNotContain(_connector.Requests.Skip(before), r => r.Method == "POST");
        Assert.Contains(round.App.Logs.GetSnapshot(), l => l.Id.Id == 4300);
    }

    [Fact]
    public async Task A_map_deleted_from_the_channel_leaves_no_row_in_either_table_and_the_teams_other_map_is_untouched()
    {
        await using var round = await StartAsync(_connector);
        await round.SendRoundAsync(RoundPipelineTests.Routes);
        await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Megan));
        foreach (var line in new[] { "start Store visits", "Fewer empty visits", "skip", "skip", "skip", "template", "next", "pain Purchase | No size 44 in store" })
        {
            await SayInOtherThreadAsync(round, line);
        }

        var other = (await round.Store.GetConversationMapAsync(new MapScope(Team, OtherThread), Cancel))!.Map;
        var otherBoard = JsonSerializer.Serialize(await round.Store.GetBoardAsync(Team, other.Id, Cancel));
        Assert.NotEmpty(await RowsOfAsync(round, round.MapId));
        Assert.NotEmpty(await DueRowsOfAsync(round, round.MapId));
        var before = _connector.Requests.Count;

        await round.SayAsync(Alex, "delete map " + MapName);
        var card = _connector.Requests.Skip(before).Single(r => r.Method == "POST" && ConversationOf(r) == ChannelThread);
        var answer = await round.PressInThreadAsync(Alex, card.AnsweredId!, ActionData(card, "deleteMaps"));

        Assert.Contains($"Deleted “{MapName}” and everything stored for it.", answer, StringComparison.Ordinal);
        Assert.Empty(await RowsOfAsync(round, round.MapId));
        Assert.Empty(await DueRowsOfAsync(round, round.MapId));
        Assert.Equal(["Store visits"], (await round.Store.ListMapsAsync(Team, Cancel)).Select(m => m.Name));
        Assert.Equal(MapStatus.Active, (await round.Store.GetConversationMapAsync(new MapScope(Team, OtherThread), Cancel))!.Map.Status);
        Assert.Equal(otherBoard, JsonSerializer.Serialize(await round.Store.GetBoardAsync(Team, other.Id, Cancel)));
    }

    // Rows of the maps' table, any partition, whose key names the map or whose text holds its id.
    private static async Task<List<string>> RowsOfAsync(RoundPipeline round, string mapId) =>
        await RowsMentioningAsync(round.App.Services.GetRequiredService<TableClient>(), mapId);

    // Rows of the schedule's table (every hour's partition) whose work is about the map.
    private static async Task<List<string>> DueRowsOfAsync(RoundPipeline round, string mapId)
    {
        var name = round.App.Services.GetRequiredService<IOptions<DueWorkTableOptions>>().Value.TableName!;
        return await RowsMentioningAsync(round.App.Services.GetRequiredService<TableServiceClient>().GetTableClient(name), mapId);
    }

    private static async Task<List<string>> RowsMentioningAsync(TableClient table, string mapId)
    {
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: Cancel))
        {
            if (row.RowKey.Contains(mapId, StringComparison.Ordinal)
                || row.Select(property => property.Value).OfType<string>().Any(text => text.Contains(mapId, StringComparison.Ordinal)))
            {
                rows.Add($"{row.PartitionKey} | {row.RowKey}");
            }
        }

        return rows;
    }

    private static async Task SayInOtherThreadAsync(RoundPipeline round, string text)
    {
        var activity = Activities.Message(round.Connector.ServiceUrl(), text, mentionBot: true, conversationId: OtherThread,
            activityId: "1:other-" + Guid.NewGuid().ToString("N"));
        activity.From = new ChannelAccount { Id = Megan.Id, Name = Megan.Name, AadObjectId = Megan.AadObjectId };
        activity.ChannelData = TeamChannelData();
        Assert.Equal(HttpStatusCode.OK, (await round.App.PostActivityAsync(activity)).StatusCode);
    }

    private static JsonElement TeamChannelData() =>
        JsonDocument.Parse($$$"""{"team":{"id":"{{{Team}}}"},"tenant":{"id":"{{{Tenant}}}"},"channel":{"id":"19:general@thread.tacv2"}}""").RootElement.Clone();
}
