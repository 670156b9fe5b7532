using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Storage.Tests.Contract;

public abstract partial class RoundStoreContractTests
{
    [Fact]
    public async Task A_round_of_500_members_lists_them_all_in_member_id_order()
    {
        // Arrange: given in reverse, more than a transaction holds several times over.
        var team = NewTeam();
        var asks = Rounds.Asks(500);
        asks.Reverse();

        // Act
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map1", 1), asks, Cancel));
        var listed = await Store.ListAsksAsync(team, "map1", 1, Cancel);

        // Assert
        Assert.Equal(asks.Select(a => a.Member.Id).Order(StringComparer.Ordinal), listed.Select(a => a.Member.Id));
        Assert.Equal("Member 29:m499", (await Store.GetAskAsync(team, "map1", 1, "29:m499", Cancel))?.Member.Name);
    }

    [Fact]
    public async Task Asks_of_another_round_map_or_team_are_not_returned()
    {
        // Arrange: the same member in four places.
        var team = NewTeam();
        var otherTeam = NewTeam();
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map1", 1), [Ask("29:1ana", "r1")], Cancel));
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map1", 2), [Ask("29:1ana", "r2"), Ask("29:1bob", "r2")], Cancel));
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map2", 1), [Ask("29:1ana", "m2")], Cancel));
        Assert.True(await Store.TryCreateAsync(otherTeam, Rounds.Bare("map1", 1), [Ask("29:1ana", "t2"), Ask("29:1cy", "t2")], Cancel));

        // Act + Assert
        Assert.Equal(["r1"], await DepartmentsAsync(team, "map1", 1));
        Assert.Equal(["r2", "r2"], await DepartmentsAsync(team, "map1", 2));
        Assert.Equal(["m2"], await DepartmentsAsync(team, "map2", 1));
        Assert.Equal(["t2", "t2"], await DepartmentsAsync(otherTeam, "map1", 1));
        Assert.Equal("r1", (await Store.GetAskAsync(team, "map1", 1, "29:1ana", Cancel))?.Department);
        Assert.Equal("m2", (await Store.GetAskAsync(team, "map2", 1, "29:1ana", Cancel))?.Department);
        Assert.Null(await Store.GetAskAsync(team, "map1", 1, "29:1bob", Cancel));
        Assert.Null(await Store.GetAskAsync(team, "map1", 1, "29:1cy", Cancel));
    }

    [Fact]
    public async Task PutAsk_replaces_that_member_s_ask_only()
    {
        // Arrange
        var team = NewTeam();
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map1", 1), Rounds.Asks(3), Cancel));

        // Act: every field changes, then back to the bare shape (fields set before must go).
        var full = Rounds.FullAsk("29:m001");
        await Store.PutAskAsync(team, "map1", 1, full, Cancel);
        var afterFull = await Store.GetAskAsync(team, "map1", 1, "29:m001", Cancel);
        var bare = Rounds.Ask("29:m002", AskState.NothingToAdd);
        await Store.PutAskAsync(team, "map1", 1, Rounds.FullAsk("29:m002"), Cancel);
        await Store.PutAskAsync(team, "map1", 1, bare, Cancel);

        // Assert
        Rounds.Same(full, afterFull);
        Rounds.Same(bare, await Store.GetAskAsync(team, "map1", 1, "29:m002", Cancel));
        Rounds.Same(Rounds.Ask("29:m000"), await Store.GetAskAsync(team, "map1", 1, "29:m000", Cancel));
        Assert.Equal(3, (await Store.ListAsksAsync(team, "map1", 1, Cancel)).Count);
    }

    [Fact]
    public async Task Fifty_members_answering_at_once_are_all_kept()
    {
        // Arrange
        var team = NewTeam();
        var asks = Rounds.Asks(50);
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map1", 1), asks, Cancel));

        // Act: each answers with a count of their own.
        await Rounds.ConcurrentlyAsync(asks.Count, async i =>
        {
            await Store.PutAskAsync(team, "map1", 1, asks[i] with { State = AskState.Answered, Added = i + 1 }, Cancel);
            return i;
        });

        // Assert
        var listed = await Store.ListAsksAsync(team, "map1", 1, Cancel);
        Assert.Equal(asks.Select(a => a.Member.Id), listed.Select(a => a.Member.Id));
        Assert.All(listed, ask => Assert.Equal(AskState.Answered, ask.State));
        Assert.Equal(Enumerable.Range(1, 50), listed.Select(a => a.Added));
    }

    [Fact]
    public async Task Asks_of_a_round_that_is_not_there_are_not_seen()
    {
        // Arrange: an ask put for a round never created (as a create stopped before the round's row would leave it).
        var team = NewTeam();
        await Store.PutAskAsync(team, "map1", 1, Rounds.FullAsk("29:1ana"), Cancel);

        // Act + Assert
        Assert.Null(await Store.GetAskAsync(team, "map1", 1, "29:1ana", Cancel));
        Assert.Empty(await Store.ListAsksAsync(team, "map1", 1, Cancel));
        Assert.Null(await Store.GetLatestAsync(team, "map1", Cancel));
        Assert.Null(await Store.GetAsync(team, "map1", 1, Cancel));
    }

    [Fact]
    public async Task A_create_after_a_stray_ask_keeps_only_its_own_asks()
    {
        // Arrange
        var team = NewTeam();
        await Store.PutAskAsync(team, "map1", 1, Rounds.FullAsk("29:1stray"), Cancel);
        await Store.PutAskAsync(team, "map1", 1, Rounds.FullAsk("29:m000"), Cancel);

        // Act
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map1", 1), Rounds.Asks(2), Cancel));

        // Assert
        var listed = await Store.ListAsksAsync(team, "map1", 1, Cancel);
        Assert.Equal(["29:m000", "29:m001"], listed.Select(a => a.Member.Id));
        Rounds.Same(Rounds.Ask("29:m000"), listed[0]);
        Assert.Null(await Store.GetAskAsync(team, "map1", 1, "29:1stray", Cancel));
    }

    private static RoundAsk Ask(string memberId, string department) => Rounds.Ask(memberId) with { Department = department };

    private async Task<IEnumerable<string?>> DepartmentsAsync(string team, string mapId, int number) =>
        (await Store.ListAsksAsync(team, mapId, number, Cancel)).Select(a => a.Department);
}
