namespace JourneyBot.Storage.Tests.Contract;

public abstract partial class RoundStoreContractTests
{
    [Fact]
    public async Task Odd_team_map_and_member_ids_round_trip_and_do_not_collide()
    {
        // Arrange: every odd key as a team (departments and a round), as a map (a round of its own)
        // and as a member (asked in one shared round).
        var team = NewTeam();
        var keys = OddKeys.All;
        for (var i = 0; i < keys.Count; i++)
        {
            await Store.PutDepartmentsAsync(keys[i], [$"dept{i}"], Cancel);
            Assert.True(await Store.TryCreateAsync(keys[i], Rounds.Bare("map", 1) with { ConversationKey = $"team{i}" }, [], Cancel));
            Assert.True(await Store.TryCreateAsync(team, Rounds.Bare(keys[i], i + 1), [Rounds.Ask($"member{i}")], Cancel));
        }

        Assert.True(await Store.TryCreateAsync(team, Rounds.Bare("shared", 1), [.. keys.Select(k => Rounds.Ask(k))], Cancel));

        // Act + Assert
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal([$"dept{i}"], await Store.GetDepartmentsAsync(keys[i], Cancel));
            Assert.Equal($"team{i}", (await Store.GetLatestAsync(keys[i], "map", Cancel))?.ConversationKey);
            var round = await Store.GetLatestAsync(team, keys[i], Cancel);
            Assert.Equal((keys[i], i + 1), (round?.MapId, round?.Number));
            Assert.Equal([$"member{i}"], (await Store.ListAsksAsync(team, keys[i], i + 1, Cancel)).Select(a => a.Member.Id));
            Assert.Equal(keys[i], (await Store.GetAskAsync(team, "shared", 1, keys[i], Cancel))?.Member.Id);
        }

        Assert.Equal(keys.Order(StringComparer.Ordinal), (await Store.ListAsksAsync(team, "shared", 1, Cancel)).Select(a => a.Member.Id));
    }
}
