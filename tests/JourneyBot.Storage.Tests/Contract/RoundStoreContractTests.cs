using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Storage.Tests.Contract;

/// <summary>
/// What every <see cref="IRoundStore"/> must do: a round created once with its asks, read back
/// whole; the newest round by number; asks one row per member, so members answering at once never
/// conflict; asks seen only through their round; the team's departments. One subclass per store
/// runs it: <see cref="TableRoundStoreContractTests"/> and <see cref="InMemoryRoundStoreContractTests"/>.
/// </summary>
/// <remarks>
/// Split by area over partial files (<c>RoundStoreContractTests.*.cs</c>). What only the table store
/// has (its rows, leftovers of a create that stopped midway, the map store's queries) is tested
/// apart, on <see cref="TableRoundStoreTests"/>.
/// </remarks>
public abstract partial class RoundStoreContractTests
{
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract IRoundStore Store { get; }

    /// <summary>A team no other test uses (tests share a table).</summary>
    protected static string NewTeam() => Maps.NewScope().TeamKey;

    [Fact]
    public async Task A_round_and_its_asks_read_back_with_every_field()
    {
        // Arrange: one round and ask with every field set, one of each with only what is required.
        var team = NewTeam();
        var full = Rounds.Full("map1", 1);
        var bare = Rounds.Bare("map1", 2);
        RoundAsk[] fullAsks = [Rounds.FullAsk("29:1ana"), Rounds.Ask("29:1bob")];

        // Act
        Assert.True(await Store.TryCreateAsync(team, full, fullAsks, Cancel));
        Assert.True(await Store.TryCreateAsync(team, bare, [Rounds.Ask("29:1ana")], Cancel));

        // Assert
        Rounds.Same(full, await Store.GetAsync(team, "map1", 1, Cancel));
        Rounds.Same(bare, await Store.GetAsync(team, "map1", 2, Cancel));
        var bareRead = await Store.GetAsync(team, "map1", 2, Cancel);
        Assert.Null(bareRead?.ServiceUrl);
        Assert.Null(bareRead?.TimeZone);
        Assert.Equal(RoundState.Open, bareRead?.State);
        Rounds.Same(fullAsks[0], await Store.GetAskAsync(team, "map1", 1, "29:1ana", Cancel));
        Rounds.Same(fullAsks[1], await Store.GetAskAsync(team, "map1", 1, "29:1bob", Cancel));
        var listed = await Store.ListAsksAsync(team, "map1", 1, Cancel);
        Assert.Equal(2, listed.Count);
        Rounds.Same(fullAsks[0], listed[0]);
        Rounds.Same(fullAsks[1], listed[1]);
        Assert.Null(await Store.GetAskAsync(team, "map1", 2, "29:1bob", Cancel));
    }

    [Fact]
    public async Task A_second_create_of_the_same_number_returns_false_and_changes_nothing()
    {
        // Arrange
        var team = NewTeam();
        var first = Rounds.Bare("map1", 1);
        Assert.True(await Store.TryCreateAsync(team, first, Rounds.Asks(3), Cancel));

        // Act: the same number again, sent by someone else to other members (and one the same).
        var second = Rounds.Full("map1", 1);
        var created = await Store.TryCreateAsync(
            team, second, [Rounds.FullAsk("29:m000"), Rounds.Ask("29:other")], Cancel);

        // Assert
        Assert.False(created);
        Rounds.Same(first, await Store.GetAsync(team, "map1", 1, Cancel));
        var asks = await Store.ListAsksAsync(team, "map1", 1, Cancel);
        Assert.Equal(["29:m000", "29:m001", "29:m002"], asks.Select(a => a.Member.Id));
        Assert.All(asks, ask => Rounds.Same(Rounds.Ask(ask.Member.Id), ask));
        Assert.Null(await Store.GetAskAsync(team, "map1", 1, "29:other", Cancel));
    }

    [Fact]
    public async Task Creates_of_the_same_number_at_once_let_exactly_one_through()
    {
        // Arrange
        var team = NewTeam();
        var asks = Rounds.Asks(10);

        // Act: a double-clicked "Send questions".
        var created = await Rounds.ConcurrentlyAsync(
            8, _ => Store.TryCreateAsync(team, Rounds.Bare("map1", 1), asks, Cancel));

        // Assert
        Assert.Single(created, c => c);
        Assert.Equal(asks.Select(a => a.Member.Id), (await Store.ListAsksAsync(team, "map1", 1, Cancel)).Select(a => a.Member.Id));
    }

    [Fact]
    public async Task The_latest_round_is_the_highest_number_of_that_map()
    {
        // Arrange: created out of order, past 9 (so a text order of numbers would be wrong); another map's higher.
        var team = NewTeam();
        foreach (var number in new[] { 2, 10, 1, 9 })
        {
            Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map1", number), Rounds.Asks(2), Cancel));
        }

        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map2", 11), [], Cancel));
        Assert.True(await Store.TryCreateAsync(NewTeam(), Rounds.Bare("map1", 12), [], Cancel));

        // Act
        var latest = await Store.GetLatestAsync(team, "map1", Cancel);

        // Assert
        Assert.Equal(10, latest?.Number);
        Assert.Equal("map1", latest?.MapId);
        Assert.Equal(11, (await Store.GetLatestAsync(team, "map2", Cancel))?.Number);
    }

    [Fact]
    public async Task A_map_without_rounds_has_none_to_get()
    {
        var team = NewTeam();
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map1", 1), [], Cancel));

        Assert.Null(await Store.GetLatestAsync(team, "map2", Cancel));
        Assert.Null(await Store.GetAsync(team, "map2", 1, Cancel));
        Assert.Null(await Store.GetAsync(team, "map1", 2, Cancel));
        Assert.Empty(await Store.ListAsksAsync(team, "map1", 2, Cancel));
        Assert.Null(await Store.GetAskAsync(team, "map1", 2, "29:m000", Cancel));
    }

    [Fact]
    public async Task Put_replaces_the_round_and_leaves_its_asks()
    {
        // Arrange
        var team = NewTeam();
        var round = Rounds.Bare("map1", 1);
        Assert.True(await Store.TryCreateAsync(team, round, Rounds.Asks(3), Cancel));

        // Act
        var closed = round with { State = RoundState.Closed, ReviewAtDeadline = true };
        await Store.PutAsync(team, closed, Cancel);

        // Assert
        Rounds.Same(closed, await Store.GetAsync(team, "map1", 1, Cancel));
        Rounds.Same(closed, await Store.GetLatestAsync(team, "map1", Cancel));
        Assert.Equal(3, (await Store.ListAsksAsync(team, "map1", 1, Cancel)).Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_000)]
    public async Task Round_numbers_run_from_1_to_9999(int number)
    {
        var team = NewTeam();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.TryCreateAsync(team, Rounds.Bare("map1", number), [], Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetAsync(team, "map1", number, Cancel));
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map1", 9999), [], Cancel));
        Assert.Equal(9999, (await Store.GetLatestAsync(team, "map1", Cancel))?.Number);
    }

    [Fact]
    public async Task A_member_asked_twice_in_one_round_is_refused_and_nothing_is_saved()
    {
        var team = NewTeam();

        await Assert.ThrowsAsync<ArgumentException>(() => Store.TryCreateAsync(
            team, Rounds.Bare("map1", 1), [Rounds.Ask("29:1ana"), Rounds.FullAsk("29:1ana")], Cancel));

        Assert.Null(await Store.GetAsync(team, "map1", 1, Cancel));
    }
}
