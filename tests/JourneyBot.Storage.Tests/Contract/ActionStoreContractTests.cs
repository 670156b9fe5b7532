using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage.Tests.Contract;

/// <summary>
/// What every <see cref="IActionStore"/> must do: one action per opportunity, replaces that match
/// the version read (so concurrent changes are all kept by re-reading), parked opportunities and the
/// team's tracker, everything apart per map and team, and gone with its map. One subclass per store:
/// <see cref="TableActionStoreContractTests"/> and <see cref="InMemoryActionStoreContractTests"/>.
/// </summary>
public abstract partial class ActionStoreContractTests : StoreTests
{
    protected abstract IActionStore Actions { get; }

    [Fact]
    public async Task An_action_reads_back_as_it_was_added_with_its_measure_history_and_tracker()
    {
        var (team, map) = (Maps.NewScope().TeamKey, "m1");
        var action = Storage.Tests.Actions.NewAction("k3f9q").With(new ActionChange(
            new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero), Storage.Tests.Actions.Owner, ActionChangeKind.Blocked, "Waiting for the CRM export")) with
        {
            Status = ActionStatus.Blocked,
            BlockedReason = "Waiting for the CRM export",
            Tracker = new TrackedTask("planner", "task-1", "W/\"JzEtVGFzayAgQEBAQEBAQEBAQEBAQEBAWCc=\"", "plan-1", new DateTimeOffset(2025, 3, 5, 8, 0, 0, TimeSpan.Zero)),
            RemindedAheadOf = new DateOnly(2025, 4, 30),
        };

        Assert.True(await Actions.TryAddActionAsync(team, map, action, Cancel));

        var stored = await Actions.GetActionAsync(team, map, "k3f9q", Cancel);
        Assert.NotNull(stored);
        AssertSame(action, stored.Action);
        AssertSame(action, Assert.Single((await Actions.GetActionsAsync(team, map, Cancel)).Actions));
    }

    [Fact]
    public async Task An_opportunity_is_made_an_action_once_and_the_first_is_kept()
    {
        var (team, map) = (Maps.NewScope().TeamKey, "m1");
        Assert.True(await Actions.TryAddActionAsync(team, map, Storage.Tests.Actions.NewAction("k3f9q"), Cancel));

        var again = Storage.Tests.Actions.NewAction("k3f9q") with { Owner = new Person("29:1bob", "Bob") };
        Assert.False(await Actions.TryAddActionAsync(team, map, again, Cancel));

        Assert.Equal("Ana Pop", (await Actions.GetActionAsync(team, map, "k3f9q", Cancel))!.Action.Owner.Name);
    }

    [Fact]
    public async Task A_replace_must_match_the_version_read()
    {
        var (team, map) = (Maps.NewScope().TeamKey, "m1");
        await Actions.TryAddActionAsync(team, map, Storage.Tests.Actions.NewAction("k3f9q"), Cancel);
        var read = (await Actions.GetActionAsync(team, map, "k3f9q", Cancel))!;

        var version = await Actions.TryReplaceActionAsync(team, map, read with { Action = read.Action with { Status = ActionStatus.Done } }, Cancel);
        var stale = await Actions.TryReplaceActionAsync(team, map, read with { Action = read.Action with { Status = ActionStatus.Blocked } }, Cancel);

        Assert.NotNull(version);
        Assert.Null(stale);
        var now = (await Actions.GetActionAsync(team, map, "k3f9q", Cancel))!;
        Assert.Equal(ActionStatus.Done, now.Action.Status);
        Assert.Equal(version, now.Version);
    }

    [Fact]
    public async Task Replacing_an_action_that_is_not_there_changes_nothing()
    {
        var (team, map) = (Maps.NewScope().TeamKey, "m1");
        await Actions.TryAddActionAsync(team, map, Storage.Tests.Actions.NewAction("k3f9q"), Cancel);
        var read = (await Actions.GetActionAsync(team, map, "k3f9q", Cancel))!;

        Assert.Null(await Actions.TryReplaceActionAsync(team, "other-map", read, Cancel));
        Assert.Null(await Actions.GetActionAsync(team, "other-map", "k3f9q", Cancel));
    }

    [Fact]
    public async Task Concurrent_changes_that_re_read_on_a_conflict_are_all_kept()
    {
        var (team, map) = (Maps.NewScope().TeamKey, "m1");
        await Actions.TryAddActionAsync(team, map, Storage.Tests.Actions.NewAction("k3f9q"), Cancel);

        var kept = await ConcurrentlyAsync(12, async i =>
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var read = (await Actions.GetActionAsync(team, map, "k3f9q", Cancel))!;
                var change = new ActionChange(DateTimeOffset.UnixEpoch.AddMinutes(i), new Person($"29:1member{i}", $"Member {i}"), ActionChangeKind.MeasureChanged, $"change {i}");
                if (await Actions.TryReplaceActionAsync(team, map, read with { Action = read.Action.With(change) }, Cancel) is not null)
                {
                    return true;
                }
            }

            return false;
        });

        Assert.All(kept, Assert.True);
        var history = (await Actions.GetActionAsync(team, map, "k3f9q", Cancel))!.Action.History;
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"change {i}").Order(StringComparer.Ordinal),
            history.Select(c => c.Detail!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Parked_opportunities_are_put_replaced_and_removed_apart_from_actions()
    {
        var (team, map) = (Maps.NewScope().TeamKey, "m1");
        await Actions.TryAddActionAsync(team, map, Storage.Tests.Actions.NewAction("k3f9q"), Cancel);
        await Actions.PutParkedAsync(team, map, Storage.Tests.Actions.NewParked("p1", minute: 1), Cancel);
        await Actions.PutParkedAsync(team, map, Storage.Tests.Actions.NewParked("p2", minute: 2), Cancel);
        await Actions.PutParkedAsync(team, map, Storage.Tests.Actions.NewParked("p1", minute: 1) with { Reason = "After the rebrand" }, Cancel);

        Assert.True(await Actions.RemoveParkedAsync(team, map, "p2", Cancel));
        Assert.False(await Actions.RemoveParkedAsync(team, map, "p2", Cancel));

        var all = await Actions.GetActionsAsync(team, map, Cancel);
        Assert.Equal(["k3f9q"], all.Actions.Select(a => a.Id));
        Assert.Equal("After the rebrand", Assert.Single(all.Parked).Reason);
        Assert.True(all.IsDecided("k3f9q"));
        Assert.True(all.IsDecided("p1"));
        Assert.False(all.IsDecided("p2"));
    }

    [Fact]
    public async Task Actions_are_listed_oldest_first_and_kept_apart_per_map_and_team()
    {
        var (team, otherTeam) = (Maps.NewScope().TeamKey, Maps.NewScope().TeamKey);
        await Actions.TryAddActionAsync(team, "m1", Storage.Tests.Actions.NewAction("b", minute: 2), Cancel);
        await Actions.TryAddActionAsync(team, "m1", Storage.Tests.Actions.NewAction("a", minute: 1), Cancel);
        await Actions.TryAddActionAsync(team, "m2", Storage.Tests.Actions.NewAction("c"), Cancel);
        await Actions.TryAddActionAsync(otherTeam, "m1", Storage.Tests.Actions.NewAction("d"), Cancel);

        Assert.Equal(["a", "b"], (await Actions.GetActionsAsync(team, "m1", Cancel)).Actions.Select(a => a.Id));
        Assert.Equal(["c"], (await Actions.GetActionsAsync(team, "m2", Cancel)).Actions.Select(a => a.Id));
        Assert.Equal(["d"], (await Actions.GetActionsAsync(otherTeam, "m1", Cancel)).Actions.Select(a => a.Id));
        Assert.Empty((await Actions.GetActionsAsync(otherTeam, "m2", Cancel)).Actions);
    }

    [Theory]
    [MemberData(nameof(OddKeys.Indexes), MemberType = typeof(OddKeys))]
    public async Task Odd_ids_round_trip_and_stay_apart(int index)
    {
        var (team, odd) = (Maps.NewScope().TeamKey, OddKeys.All[index]);
        await Actions.TryAddActionAsync(team, odd, Storage.Tests.Actions.NewAction(odd), Cancel);
        await Actions.TryAddActionAsync(team, odd + "x", Storage.Tests.Actions.NewAction(odd + "x"), Cancel);
        await Actions.PutParkedAsync(team, odd, Storage.Tests.Actions.NewParked(odd), Cancel);

        var all = await Actions.GetActionsAsync(team, odd, Cancel);
        Assert.Equal([odd], all.Actions.Select(a => a.Id));
        Assert.Equal([odd], all.Parked.Select(p => p.Id));
        Assert.Equal(odd, (await Actions.GetActionAsync(team, odd, odd, Cancel))!.Action.Id);
    }

    [Fact]
    public async Task The_team_tracker_is_remembered_replaced_and_forgotten()
    {
        var (team, otherTeam) = (Maps.NewScope().TeamKey, Maps.NewScope().TeamKey);
        var planner = new TeamTracker("planner", "plan-1", "Customer journeys", "group-1", Storage.Tests.Actions.Facilitator, DateTimeOffset.UnixEpoch);
        Assert.Null(await Actions.GetTrackerAsync(team, Cancel));

        await Actions.PutTrackerAsync(team, planner, Cancel);
        await Actions.PutTrackerAsync(team, planner with { Container = "plan-2", ContainerName = "Q3" }, Cancel);
        Assert.Equal(planner with { Container = "plan-2", ContainerName = "Q3" }, await Actions.GetTrackerAsync(team, Cancel));
        Assert.Null(await Actions.GetTrackerAsync(otherTeam, Cancel));

        await Actions.PutTrackerAsync(team, null, Cancel);
        await Actions.PutTrackerAsync(team, null, Cancel);
        Assert.Null(await Actions.GetTrackerAsync(team, Cancel));
    }

    [Fact]
    public async Task Deleting_a_map_deletes_its_actions_and_parked_opportunities_only()
    {
        var scope = Maps.NewScope();
        var held = await HoldAsync(scope, "m1");
        await Actions.TryAddActionAsync(scope.TeamKey, held.Map.Id, Storage.Tests.Actions.NewAction("k3f9q"), Cancel);
        await Actions.PutParkedAsync(scope.TeamKey, held.Map.Id, Storage.Tests.Actions.NewParked("p1"), Cancel);
        await Actions.TryAddActionAsync(scope.TeamKey, "m2", Storage.Tests.Actions.NewAction("k3f9q"), Cancel);

        Assert.True(await Store.DeleteMapAsync(scope.TeamKey, held.Map.Id, Cancel));

        var gone = await Actions.GetActionsAsync(scope.TeamKey, held.Map.Id, Cancel);
        Assert.Empty(gone.Actions);
        Assert.Empty(gone.Parked);
        Assert.NotNull(await Actions.GetActionAsync(scope.TeamKey, "m2", "k3f9q", Cancel));
    }

    private static void AssertSame(OwnedAction expected, OwnedAction actual) => Assert.Equal(
        System.Text.Json.JsonSerializer.Serialize(expected, MapJson.Storage.OwnedAction),
        System.Text.Json.JsonSerializer.Serialize(actual, MapJson.Storage.OwnedAction));
}
