using System.Collections.Concurrent;
using JourneyBot.Conversation.Actions;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Conversation.Trackers;

/// <summary>
/// The map card's read-back (<see cref="IActionTrackerSync"/>) from Planner: the same read as the
/// hourly pass, once for all the members looking at a map's card at the same moment, and not again
/// for that map within <c>Planner:ReadBackInterval</c> (then the card shows the actions as stored).
/// </summary>
/// <remarks>
/// A card in a busy channel is refreshed by every member who looks at it, and each refresh waits for
/// its answer: without this, each would read every tracked task from Graph and write it back. The
/// members looking at once share one read-back (one read of the actions, one Graph call per task
/// due, its writes); the interval is kept per instance, in memory, and <see cref="TrackerSync"/>
/// also skips tasks read moments ago (on the action's row, so across instances). A read-back that
/// Graph refuses or cannot answer does not throw: the card shows the actions as stored, and the
/// hourly pass reads again.
/// </remarks>
public sealed class TrackerReadBack : IActionTrackerSync
{
    /// <summary>The shortest time between two read-backs of one map for its card, unless the host sets <c>Planner:ReadBackInterval</c>.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    // A read-back that hangs (storage or Graph not answering) is given up, so that the next look starts anew.
    private static readonly TimeSpan FlightLimit = TimeSpan.FromSeconds(30);

    // How many maps' last read-back times are kept before those older than the interval are dropped.
    private const int KeptMaps = 10_000;

    private readonly ConcurrentDictionary<(string Team, string Map), Task<MapActions>> _flights = new();
    private readonly ConcurrentDictionary<(string Team, string Map), DateTimeOffset> _readAt = new();
    private readonly TrackerServices _trackers;
    private readonly TimeSpan _interval;

    /// <summary>A read-back through <paramref name="trackers"/>, at most once per map every <paramref name="interval"/>.</summary>
    public TrackerReadBack(TrackerServices trackers, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(trackers);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        (_trackers, _interval) = (trackers, interval);
    }

    /// <summary>
    /// The card's read-back for the host in <paramref name="services"/>: from Planner when it has one
    /// (<see cref="TrackerServices"/> with a Planner), else the actions as stored.
    /// </summary>
    public static IActionTrackerSync For(IServiceProvider services, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<TrackerServices>() is { Planner: not NoPlanner } trackers
            ? new TrackerReadBack(trackers, interval)
            : new NoActionTrackerSync(services.GetRequiredService<IActionStore>());
    }

    /// <inheritdoc />
    public Task<MapActions> SyncMapAsync(string teamKey, string mapId, string? tenantId, CancellationToken cancellationToken)
    {
        var key = (teamKey, mapId);
        while (true)
        {
            // One under way for the map: this look waits for it (as long as its own turn may).
            if (_flights.TryGetValue(key, out var flying))
            {
                return flying.WaitAsync(cancellationToken);
            }

            var flight = new TaskCompletionSource<MapActions>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_flights.TryAdd(key, flight.Task))
            {
                _ = FlyAsync(key, tenantId, flight);
                return flight.Task.WaitAsync(cancellationToken);
            }
        }
    }

    // The map's read-back (or, within the interval, its actions as stored), for every look waiting on it.
    // Not bound to the first look's turn: another look may wait for it longer.
    private async Task FlyAsync((string Team, string Map) key, string? tenantId, TaskCompletionSource<MapActions> flight)
    {
        try
        {
            using var limit = new CancellationTokenSource(FlightLimit);
            var now = _trackers.Clock.GetUtcNow();
            if (_readAt.TryGetValue(key, out var last) && now - last < _interval)
            {
                flight.TrySetResult(await _trackers.Actions.GetActionsAsync(key.Team, key.Map, limit.Token));
                return;
            }

            Forget(now);
            _readAt[key] = now;
            flight.TrySetResult((await _trackers.Sync.SyncMapAsync(key.Team, key.Map, tenantId, limit.Token)).Actions);
        }
        catch (Exception ex)
        {
            // Storage failed or the limit passed: every look waiting gets it, as its own read would have.
            flight.TrySetException(ex);
        }
        finally
        {
            _flights.TryRemove(new KeyValuePair<(string, string), Task<MapActions>>(key, flight.Task));
        }
    }

    // Maps not read back within the interval need no entry: dropped once many are kept.
    private void Forget(DateTimeOffset now)
    {
        if (_readAt.Count < KeptMaps)
        {
            return;
        }

        foreach (var (key, at) in _readAt)
        {
            if (now - at >= _interval)
            {
                _readAt.TryRemove(new KeyValuePair<(string, string), DateTimeOffset>(key, at));
            }
        }
    }
}
