using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Trackers;
using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// The map card's read-back from Planner when many members look at the card at once: one read-back
/// for them all (the actions read once, each task read once), none again within the interval.
/// </summary>
public sealed class TrackerReadBackTests
{
    private const string Team = "19:team@thread.tacv2";
    private const string Map = "m1";

    private readonly CountingActions _actions = new();
    private readonly HeldPlanner _planner = new();
    private readonly SessionClock _clock = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Eight_looks_at_once_share_one_read_back_each_task_read_once_and_all_see_it_done()
    {
        await SeedAsync("k1", "task-1");
        await SeedAsync("k2", "task-2");
        var readBack = ReadBack(TrackerReadBack.DefaultInterval);

        // Planner answers only once all eight have looked: those after the first find its read-back under way.
        var looks = Enumerable.Range(0, 8).Select(_ => readBack.SyncMapAsync(Team, Map, null, Cancel)).ToList();
        _planner.Answer();
        var seen = await Task.WhenAll(looks);

        Assert.Equal(["task-1", "task-2"], _planner.Reads.Order(StringComparer.Ordinal));
        Assert.Equal(1, _actions.MapReads);
        Assert.All(seen, actions => Assert.All(actions.Actions, a => Assert.Equal(ActionStatus.Done, a.Status)));
    }

    [Fact]
    public async Task Within_the_interval_a_look_reads_the_actions_as_stored_and_after_it_reads_back_again()
    {
        await SeedAsync("k1", "task-1");
        _planner.Answer();
        _planner.Percent = 0;
        var readBack = ReadBack(TimeSpan.FromMinutes(5));

        await readBack.SyncMapAsync(Team, Map, null, Cancel);
        _clock.Advance(TimeSpan.FromMinutes(3));
        var within = await readBack.SyncMapAsync(Team, Map, null, Cancel);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await readBack.SyncMapAsync(Team, Map, null, Cancel);

        Assert.Equal(["task-1", "task-1"], _planner.Reads);
        Assert.Equal(3, _actions.MapReads);
        Assert.Equal("k1", Assert.Single(within.Actions).Id);
    }

    private TrackerReadBack ReadBack(TimeSpan interval) =>
        // The read-back never schedules: its schedule is not needed.
        new(new TrackerServices(_actions, _planner, new TrackerWork(null!), _clock), interval);

    // An action sent to Planner long ago, not read back since.
    private Task SeedAsync(string id, string taskId) => _actions.TryAddActionAsync(Team, Map, new OwnedAction
    {
        Id = id, StageId = "s1", Text = "Action " + id, Owner = People.Megan, Due = new DateOnly(2026, 12, 18),
        CreatedBy = People.Alex, CreatedAt = SessionClock.Start,
        Tracker = new TrackedTask("planner", taskId, "W/\"1\"", "plan-1", SessionClock.Start - TimeSpan.FromDays(1)),
    }, Cancel);

    // Planner, answering task reads (complete, unless a test says) once the test lets it.
    private sealed class HeldPlanner : IPlanner
    {
        private readonly TaskCompletionSource _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<string> _reads = [];

        public int Percent { get; set; } = 100;

        public IReadOnlyList<string> Reads
        {
            get
            {
                lock (_reads)
                {
                    return [.. _reads];
                }
            }
        }

        public void Answer() => _answer.TrySetResult();

        public Task<PlannerResult<IReadOnlyList<PlannerPlan>>> ListPlansAsync(string groupId, string? tenantId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<PlannerResult<PlannerTaskState>> CreateTaskAsync(PlannerNewTask task, string? tenantId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public async Task<PlannerResult<PlannerTaskState>> ReadTaskAsync(string taskId, string? tenantId, CancellationToken cancellationToken)
        {
            lock (_reads)
            {
                _reads.Add(taskId);
            }

            await _answer.Task.WaitAsync(cancellationToken);
            return PlannerResult.Ok(new PlannerTaskState(taskId, "W/\"2\"", Percent));
        }
    }

    // The in-memory actions, counting reads of a map's actions.
    private sealed class CountingActions : IActionStore
    {
        private readonly InMemoryActionStore _inner = new();
        private int _mapReads;

        public int MapReads => Volatile.Read(ref _mapReads);

        public Task<MapActions> GetActionsAsync(string teamKey, string mapId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _mapReads);
            return _inner.GetActionsAsync(teamKey, mapId, cancellationToken);
        }

        public Task<StoredAction?> GetActionAsync(string teamKey, string mapId, string actionId, CancellationToken cancellationToken) =>
            _inner.GetActionAsync(teamKey, mapId, actionId, cancellationToken);

        public Task<bool> TryAddActionAsync(string teamKey, string mapId, OwnedAction action, CancellationToken cancellationToken) =>
            _inner.TryAddActionAsync(teamKey, mapId, action, cancellationToken);

        public Task<string?> TryReplaceActionAsync(string teamKey, string mapId, StoredAction stored, CancellationToken cancellationToken) =>
            _inner.TryReplaceActionAsync(teamKey, mapId, stored, cancellationToken);

        public Task PutParkedAsync(string teamKey, string mapId, ParkedOpportunity parked, CancellationToken cancellationToken) =>
            _inner.PutParkedAsync(teamKey, mapId, parked, cancellationToken);

        public Task<bool> RemoveParkedAsync(string teamKey, string mapId, string opportunityId, CancellationToken cancellationToken) =>
            _inner.RemoveParkedAsync(teamKey, mapId, opportunityId, cancellationToken);

        public Task<TeamTracker?> GetTrackerAsync(string teamKey, CancellationToken cancellationToken) => _inner.GetTrackerAsync(teamKey, cancellationToken);

        public Task PutTrackerAsync(string teamKey, TeamTracker? tracker, CancellationToken cancellationToken) =>
            _inner.PutTrackerAsync(teamKey, tracker, cancellationToken);
    }
}
