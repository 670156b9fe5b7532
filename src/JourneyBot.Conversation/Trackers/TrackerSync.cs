using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Trackers;

/// <summary>
/// Reads a map's tracker tasks back: a task complete in Planner (percentComplete 100) makes its
/// action Done, with <see cref="ActionChangeKind.DoneInTracker"/> in its history; every task read
/// keeps its new ETag. Run by the hourly pass (<see cref="TrackerWork"/>) and when someone looks
/// at the map card (its refresh), which calls <see cref="SyncMapAsync"/>.
/// </summary>
/// <remarks>
/// Nothing is lost when Graph is down or refuses: the actions stay as stored, and the next pass
/// reads them again. A task read moments ago (<see cref="FreshFor"/>) is not read again, so a card
/// that many members look at costs Graph one read per task a minute at most.
/// </remarks>
public sealed class TrackerSync(IActionStore actions, IPlanner planner, TimeProvider clock)
{
    /// <summary>How long a task read back counts as current.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(1);

    /// <summary>Who a change read from a tracker is recorded as, when the tracker does not say who.</summary>
    public static readonly Person Tracker = new("journeybot:planner", "Planner");

    /// <summary>
    /// Reads back every open action of the map that has a tracker task (in <paramref name="tenantId"/>'s
    /// Graph), and stops at the first call Graph refuses or cannot answer: the rest wait for the next pass.
    /// </summary>
    public async Task<TrackerSyncResult> SyncMapAsync(string teamKey, string mapId, string? tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teamKey);
        ArgumentNullException.ThrowIfNull(mapId);
        var stored = await actions.GetActionsAsync(teamKey, mapId, cancellationToken);
        var tracked = stored.Actions
            .Where(a => a is { Tracker: not null, Status: not ActionStatus.Done })
            .ToList();
        var now = clock.GetUtcNow();
        var (read, done, missing) = (0, 0, 0);
        var written = new Dictionary<string, OwnedAction>(StringComparer.Ordinal);
        foreach (var action in tracked.Where(a => now - a.Tracker!.SyncedAt >= FreshFor))
        {
            var answer = await planner.ReadTaskAsync(action.Tracker!.TaskId, tenantId, cancellationToken);
            if (answer.Value is not { } task)
            {
                if (answer.Failure == PlannerFailure.NotFound)
                {
                    // Deleted in Planner: the action goes on here; the hourly pass does not go on for it alone.
                    missing++;
                    continue;
                }

                return new TrackerSyncResult(read, done, tracked.Count - done - missing, answer.Failure, answer.Permission) { Actions = AsLeft(stored, written) };
            }

            read++;
            var kept = await ActionUpdates.ApplyAsync(actions, teamKey, mapId, action.Id, a => ReadBack(a, task, now), cancellationToken);
            if (kept is not null)
            {
                written[kept.Id] = kept;
            }

            if (kept is { Status: ActionStatus.Done } && task.IsComplete)
            {
                done++;
            }
        }

        return new TrackerSyncResult(read, done, tracked.Count - done - missing, PlannerFailure.None, null) { Actions = AsLeft(stored, written) };
    }

    // The map's actions as read, each one written since as written: what the read-back left.
    private static MapActions AsLeft(MapActions stored, Dictionary<string, OwnedAction> written) => written.Count == 0
        ? stored
        : stored with { Actions = [.. stored.Actions.Select(a => written.GetValueOrDefault(a.Id, a))] };

    // The task as read, on the action as stored now (its owner may have pressed Done meanwhile).
    private static OwnedAction? ReadBack(OwnedAction action, PlannerTaskState task, DateTimeOffset now)
    {
        if (action.Tracker is not { } tracker || tracker.TaskId != task.Id)
        {
            return null;
        }

        var kept = action with { Tracker = tracker with { ETag = task.ETag, SyncedAt = now } };
        return task.IsComplete && action.Status != ActionStatus.Done
            ? kept.With(new ActionChange(now, Tracker, ActionChangeKind.DoneInTracker)) with { Status = ActionStatus.Done, BlockedReason = null }
            : kept;
    }
}

/// <summary>What a read-back found.</summary>
/// <param name="Read">Tasks read.</param>
/// <param name="Done">Actions it found done in the tracker (now Done here).</param>
/// <param name="Open">Tracked actions still open (their task not deleted in the tracker): while any is, the hourly pass goes on.</param>
/// <param name="Failure">Why it stopped early, if it did.</param>
/// <param name="Permission">On <see cref="PlannerFailure.Forbidden"/>: the permission Graph wants.</param>
public sealed record TrackerSyncResult(int Read, int Done, int Open, PlannerFailure Failure, string? Permission)
{
    /// <summary>The map's actions as the read-back left them (read once, with what it wrote), for a card to show.</summary>
    public MapActions Actions { get; init; } = MapActions.None;
}
