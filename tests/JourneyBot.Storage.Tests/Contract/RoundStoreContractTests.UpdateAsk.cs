namespace JourneyBot.Storage.Tests.Contract;

// A member's ask changed from a fresh read (the reminder noted, where the card went): a write made meanwhile is kept.
public abstract partial class RoundStoreContractTests
{
    [Fact]
    public async Task Concurrent_UpdateAsk_calls_on_one_ask_all_keep_their_change()
    {
        // Arrange
        var team = NewTeam();
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map1", 1), [Rounds.Ask("29:1ana"), Rounds.Ask("29:1bob")], Cancel));

        // Act: six writers at once, each reading the ask and adding one (what a write from an older read would lose).
        const int writers = 6;
        await Rounds.ConcurrentlyAsync(writers, _ => Store.UpdateAskAsync(team, "map1", 1, "29:1ana", ask => ask with { Added = ask.Added + 1 }, Cancel));

        // Assert
        Assert.Equal(writers, (await Store.GetAskAsync(team, "map1", 1, "29:1ana", Cancel))?.Added);
        Assert.Equal(0, (await Store.GetAskAsync(team, "map1", 1, "29:1bob", Cancel))?.Added);
    }

    [Fact]
    public async Task UpdateAsk_of_an_ask_or_round_not_there_writes_nothing()
    {
        // Arrange
        var team = NewTeam();
        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("map1", 1), [Rounds.Ask("29:1ana")], Cancel));

        // Act
        var noAsk = await Store.UpdateAskAsync(team, "map1", 1, "29:1bob", ask => ask with { Added = 1 }, Cancel);
        var noRound = await Store.UpdateAskAsync(team, "map1", 2, "29:1ana", ask => ask with { Added = 1 }, Cancel);

        // Assert
        Assert.Equal((null, null), (noAsk, noRound));
        Assert.Null(await Store.GetAskAsync(team, "map1", 1, "29:1bob", Cancel));
        Assert.Empty(await Store.ListAsksAsync(team, "map1", 2, Cancel));
    }
}
