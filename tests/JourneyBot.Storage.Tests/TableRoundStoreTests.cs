using Azure.Data.Tables;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Rounds;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Storage.Tests;

/// <summary>
/// What only the table round store has: its rows as the note names them, the map store's queries
/// that must not meet them, a create that stopped midway, and a round's largest routing.
/// </summary>
public sealed class TableRoundStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IRoundStore Store => fixture.Services.GetRequiredService<IRoundStore>();

    [Fact]
    public void AddTableMapStore_gives_one_table_round_store()
    {
        Assert.IsType<TableRoundStore>(Store);
        Assert.Same(Store, fixture.Services.GetRequiredService<IRoundStore>());
    }

    [Fact]
    public async Task Rows_are_named_as_the_note_says_and_nothing_else_is_written()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;

        // Act
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map/1", 1), [Rounds.Ask("29:1ana"), Rounds.Ask("29:1bob")], Cancel));
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map/1", 12), [Rounds.Ask("29:1ana")], Cancel));
        await Store.PutDepartmentsAsync(team, ["Sales"], Cancel);

        // Assert
        var rows = await RowsAsync(team);
        Assert.Equal(
            ["r~map%2F1~9987", "r~map%2F1~9987~a~29:1ana", "r~map%2F1~9998", "r~map%2F1~9998~a~29:1ana", "r~map%2F1~9998~a~29:1bob", "t~departments"],
            rows.Select(r => r.RowKey));
        Assert.Equal(["round", "ask", "round", "ask", "ask", "departments"], rows.Select(r => r.GetString("Kind")));
        Assert.Equal(("map/1", 12, "Open"), (rows[0].GetString("MapId"), rows[0].GetInt32("Number"), rows[0].GetString("State")));
        Assert.Equal(("map/1", 1, "29:1bob", "Asked"), (rows[4].GetString("MapId"), rows[4].GetInt32("Number"), rows[4].GetString("PersonId"), rows[4].GetString("State")));
    }

    [Fact]
    public async Task The_map_store_s_queries_never_meet_round_rows()
    {
        // Arrange: a map with an item, a vote and a member; its rounds, asks of the same people, the departments.
        var scope = Maps.NewScope();
        var team = scope.TeamKey;
        var maps = fixture.Store;
        Assert.NotNull(await maps.TryPlaceAsync(scope, Maps.NewMap(scope, "map1"), null, Cancel));
        Assert.True(await maps.TryAddItemAsync(team, "map1", Maps.NewItem("item1"), Cancel));
        await maps.SetVotesAsync(team, "map1", "29:1ana", ["item1"], Cancel);
        await maps.PutMemberAsync(team, "29:1ana", new TeamMember("Support", AskedForDepartment: true), Cancel);

        // Act
        Assert.True(await Store.TryCreateAsync(team, Rounds.Full("map1", 1), [Rounds.FullAsk("29:1ana"), Rounds.Ask("29:1bob")], Cancel));
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map1", 2), Rounds.Asks(150), Cancel));
        await Store.PutDepartmentsAsync(team, ["Support", "Sales"], Cancel);

        // Assert
        var board = await maps.GetBoardAsync(team, "map1", Cancel);
        Assert.Equal(["item1"], board.Items.Select(i => i.Id));
        Assert.Equal(["29:1ana"], board.Votes.Keys);
        Assert.Equal(["map1"], (await maps.ListMapsAsync(team, Cancel)).Select(m => m.Id));
        Assert.Null(await maps.GetMemberAsync(team, "29:1bob", Cancel));
        Assert.Equal(new TeamMember("Support", true), await maps.GetMemberAsync(team, "29:1ana", Cancel));
        Assert.Equal(["29:1ana", "29:1bob"], (await Store.ListAsksAsync(team, "map1", 1, Cancel)).Select(a => a.Member.Id));
    }

    [Fact]
    public async Task A_create_that_stopped_midway_is_not_seen_and_the_next_one_replaces_what_it_left()
    {
        // Arrange: round 1 whole; of round 2, 230 asks written (three transactions) and no round row.
        var team = Maps.NewScope().TeamKey;
        var partition = KeyEncoder.Encode(team);
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map1", 1), Rounds.Asks(3), Cancel));
        var left = Rounds.Asks(230).Select(a => new TableTransactionAction(
            TableTransactionActionType.Add, RoundRows.Ask(partition, "map1", 2, a with { Department = "stale" })));
        foreach (var batch in TableRoundStore.Batches(left))
        {
            await fixture.Table.SubmitTransactionAsync(batch, Cancel);
        }

        // Act + Assert: not there.
        Assert.Equal(1, (await Store.GetLatestAsync(team, "map1", Cancel))?.Number);
        Assert.Null(await Store.GetAsync(team, "map1", 2, Cancel));
        Assert.Empty(await Store.ListAsksAsync(team, "map1", 2, Cancel));
        Assert.Null(await Store.GetAskAsync(team, "map1", 2, "29:m000", Cancel));

        // Act: round 2 again, to 120 of those members and 10 new ones.
        var asks = Rounds.Asks(120).Concat(Rounds.Asks(10, "29:n")).ToList();
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map1", 2), asks, Cancel));

        // Assert: its asks only, as now written; no leftover row remains.
        var listed = await Store.ListAsksAsync(team, "map1", 2, Cancel);
        Assert.Equal(asks.Select(a => a.Member.Id).Order(StringComparer.Ordinal), listed.Select(a => a.Member.Id));
        Assert.All(listed, a => Assert.Null(a.Department));
        Assert.Equal(131, (await RowsAsync(team)).Count(r => r.RowKey.StartsWith(RowKeys.Round("map1", 2), StringComparison.Ordinal)));
        Assert.Equal(2, (await Store.GetLatestAsync(team, "map1", Cancel))?.Number);
    }

    [Fact]
    public async Task A_round_routing_12_stages_to_12_departments_of_the_longest_names_is_kept()
    {
        // Arrange: department names of 60 characters, all emoji (each written \uXXXX\uXXXX in JSON),
        // so the round's document outgrows one property.
        var team = Maps.NewScope().TeamKey;
        var departments = Enumerable.Range(0, Departments.Max).Select(d => string.Concat(Enumerable.Repeat(char.ConvertFromUtf32(0x1F600 + d), 30))).ToList();
        var routing = Enumerable.Range(0, 12).ToDictionary(s => $"stage-{s:D2}-{Guid.NewGuid()}", _ => (IReadOnlyList<string>)departments);
        var round = Rounds.Full("map1", 1) with { Routing = routing };

        // Act
        Assert.True(await Store.TryCreateAsync(team, round, [Rounds.FullAsk("29:1ana") with { StageIds = [.. routing.Keys] }], Cancel));

        // Assert
        Rounds.Same(round, await Store.GetAsync(team, "map1", 1, Cancel));
        Rounds.Same(round, await Store.GetLatestAsync(team, "map1", Cancel));
        Assert.Equal(routing.Keys, (await Store.GetAskAsync(team, "map1", 1, "29:1ana", Cancel))?.StageIds);
        var row = await fixture.Table.GetEntityAsync<TableEntity>(KeyEncoder.Encode(team), RowKeys.Round("map1", 1), cancellationToken: Cancel);
        Assert.True(row.Value.GetInt32("DocParts") > 1);
    }

    [Fact]
    public void Transactions_hold_at_most_100_operations_and_a_bounded_payload()
    {
        TableTransactionAction Row(int i, int characters) =>
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", $"r{i}") { ["Doc0"] = new string('x', characters) });

        var small = TableRoundStore.Batches(Enumerable.Range(0, 250).Select(i => Row(i, 10))).Select(b => b.Count);
        var large = TableRoundStore.Batches(Enumerable.Range(0, 5).Select(i => Row(i, 250_000))).Select(b => b.Count);

        Assert.Equal([100, 100, 50], small);
        Assert.Equal([2, 2, 1], large);
    }

    private async Task<List<TableEntity>> RowsAsync(string teamKey)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in fixture.Table.QueryAsync<TableEntity>(e => e.PartitionKey == KeyEncoder.Encode(teamKey), cancellationToken: Cancel))
        {
            rows.Add(row);
        }

        return [.. rows.OrderBy(r => r.RowKey, StringComparer.Ordinal)];
    }
}
