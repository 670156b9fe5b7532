using JourneyBot.Conversation.Actions.FollowUp;

namespace JourneyBot.Storage.Tests.Contract;

/// <summary>
/// The follow-up row of each map (what its passes noted), kept beside its actions: added once, and
/// written only at the version read, so that two passes at once keep both their marks.
/// </summary>
public abstract partial class ActionStoreContractTests
{
    private static readonly DateTimeOffset Began = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    protected abstract IFollowUpStore FollowUps { get; }

    [Fact]
    public async Task A_follow_up_is_added_once_and_reads_back_as_written()
    {
        var (team, map) = (Maps.NewScope().TeamKey, "m1");
        Assert.Null(await FollowUps.GetFollowUpAsync(team, map, Cancel));

        var added = await FollowUps.TryPutFollowUpAsync(team, map, FollowUpState.Begin(Began), null, Cancel);
        var again = await FollowUps.TryPutFollowUpAsync(team, map, FollowUpState.Begin(Began.AddHours(1)), null, Cancel);

        Assert.NotNull(added);
        Assert.Null(again);
        var stored = (await FollowUps.GetFollowUpAsync(team, map, Cancel))!;
        Assert.Equal((Began, (DateTimeOffset?)null, 0, added), (stored.State.Since, stored.State.DigestAt, stored.State.StagesAsked.Count, stored.Version));
        Assert.Empty((await Actions.GetActionsAsync(team, map, Cancel)).Actions);
    }

    [Fact]
    public async Task Deleting_the_map_deletes_its_follow_up_and_no_other_map_s()
    {
        var scope = Maps.NewScope();
        var team = scope.TeamKey;
        await Store.TryPlaceAsync(scope, Maps.NewMap(scope, "m1"), null, Cancel);
        await FollowUps.TryPutFollowUpAsync(team, "m1", FollowUpState.Begin(Began), null, Cancel);
        await FollowUps.TryPutFollowUpAsync(team, "m2", FollowUpState.Begin(Began), null, Cancel);

        await Store.DeleteMapAsync(team, "m1", Cancel);

        Assert.Null(await FollowUps.GetFollowUpAsync(team, "m1", Cancel));
        Assert.NotNull(await FollowUps.GetFollowUpAsync(team, "m2", Cancel));
        Assert.NotNull(await FollowUps.TryPutFollowUpAsync(team, "m1", FollowUpState.Begin(Began.AddDays(1)), null, Cancel));
    }

    [Fact]
    public async Task A_follow_up_write_must_match_the_version_read_and_a_lost_write_loses_no_mark_once_read_again()
    {
        var (team, map) = (Maps.NewScope().TeamKey, "m1");
        await FollowUps.TryPutFollowUpAsync(team, map, FollowUpState.Begin(Began), null, Cancel);
        var first = (await FollowUps.GetFollowUpAsync(team, map, Cancel))!;
        var second = (await FollowUps.GetFollowUpAsync(team, map, Cancel))!;

        var asked = await FollowUps.TryPutFollowUpAsync(team, map, first.State with { StagesAsked = ["s2"] }, first.Version, Cancel);
        var stale = await FollowUps.TryPutFollowUpAsync(team, map, second.State with { DigestAt = Began.AddDays(7) }, second.Version, Cancel);
        var reread = (await FollowUps.GetFollowUpAsync(team, map, Cancel))!;
        var digested = await FollowUps.TryPutFollowUpAsync(team, map, reread.State with { DigestAt = Began.AddDays(7) }, reread.Version, Cancel);

        Assert.NotNull(asked);
        Assert.Null(stale);
        Assert.Equal(asked, reread.Version);
        Assert.NotNull(digested);
        var now = (await FollowUps.GetFollowUpAsync(team, map, Cancel))!.State;
        Assert.Equal(["s2"], now.StagesAsked);
        Assert.Equal(Began.AddDays(7), now.DigestAt);
    }

    [Fact]
    public async Task Concurrent_follow_up_marks_that_re_read_on_a_conflict_are_all_kept_and_kept_apart_per_map()
    {
        var (team, map) = (Maps.NewScope().TeamKey, "m1");
        await FollowUps.TryPutFollowUpAsync(team, "m2", FollowUpState.Begin(Began), null, Cancel);

        var kept = await ConcurrentlyAsync(12, async i =>
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var read = await FollowUps.GetFollowUpAsync(team, map, Cancel);
                var state = read?.State ?? FollowUpState.Begin(Began);
                if (await FollowUps.TryPutFollowUpAsync(team, map, state with { StagesAsked = [.. state.StagesAsked, $"s{i}"] }, read?.Version, Cancel) is not null)
                {
                    return true;
                }
            }

            return false;
        });

        Assert.All(kept, Assert.True);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"s{i}").Order(StringComparer.Ordinal),
            (await FollowUps.GetFollowUpAsync(team, map, Cancel))!.State.StagesAsked.Order(StringComparer.Ordinal));
        Assert.Empty((await FollowUps.GetFollowUpAsync(team, "m2", Cancel))!.State.StagesAsked);
    }
}
