using System.Globalization;
using JourneyBot.Conversation.Actions;

namespace JourneyBot.Testing;

/// <summary>
/// The action store in memory, for the conversation's tests: it keeps the contract the table store
/// keeps (versions that a replace must match, one action per opportunity). Actions are immutable
/// records and are kept as they are.
/// </summary>
public sealed class InMemoryActionStore : IActionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Team, string Map), Dictionary<string, StoredAction>> _actions = [];
    private readonly Dictionary<(string Team, string Map), Dictionary<string, ParkedOpportunity>> _parked = [];
    private readonly Dictionary<string, TeamTracker> _trackers = new(StringComparer.Ordinal);
    private long _version;

    /// <inheritdoc />
    public Task<MapActions> GetActionsAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var actions = _actions.GetValueOrDefault((teamKey, mapId))?.Values.Select(s => s.Action)
                .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList() ?? [];
            var parked = _parked.GetValueOrDefault((teamKey, mapId))?.Values
                .OrderBy(p => p.At).ThenBy(p => p.Id, StringComparer.Ordinal).ToList() ?? [];
            return Task.FromResult(new MapActions(actions, parked));
        }
    }

    /// <inheritdoc />
    public Task<StoredAction?> GetActionAsync(string teamKey, string mapId, string actionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_actions.GetValueOrDefault((teamKey, mapId))?.GetValueOrDefault(actionId));
        }
    }

    /// <inheritdoc />
    public Task<bool> TryAddActionAsync(string teamKey, string mapId, OwnedAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            var actions = Actions(teamKey, mapId);
            return Task.FromResult(actions.TryAdd(action.Id, new StoredAction(action, NextVersion())));
        }
    }

    /// <inheritdoc />
    public Task<string?> TryReplaceActionAsync(string teamKey, string mapId, StoredAction stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        lock (_gate)
        {
            var actions = Actions(teamKey, mapId);
            if (!actions.TryGetValue(stored.Action.Id, out var now) || now.Version != stored.Version)
            {
                return Task.FromResult<string?>(null);
            }

            var version = NextVersion();
            actions[stored.Action.Id] = new StoredAction(stored.Action, version);
            return Task.FromResult<string?>(version);
        }
    }

    /// <inheritdoc />
    public Task PutParkedAsync(string teamKey, string mapId, ParkedOpportunity parked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parked);
        lock (_gate)
        {
            if (!_parked.TryGetValue((teamKey, mapId), out var map))
            {
                _parked[(teamKey, mapId)] = map = new(StringComparer.Ordinal);
            }

            map[parked.Id] = parked;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> RemoveParkedAsync(string teamKey, string mapId, string opportunityId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_parked.GetValueOrDefault((teamKey, mapId))?.Remove(opportunityId) == true);
        }
    }

    /// <inheritdoc />
    public Task<TeamTracker?> GetTrackerAsync(string teamKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_trackers.GetValueOrDefault(teamKey));
        }
    }

    /// <inheritdoc />
    public Task PutTrackerAsync(string teamKey, TeamTracker? tracker, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (tracker is null)
            {
                _trackers.Remove(teamKey);
            }
            else
            {
                _trackers[teamKey] = tracker;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Forgets the map's actions and parked opportunities, as deleting the map does.</summary>
    public void RemoveMap(string teamKey, string mapId)
    {
        lock (_gate)
        {
            _actions.Remove((teamKey, mapId));
            _parked.Remove((teamKey, mapId));
        }
    }

    private Dictionary<string, StoredAction> Actions(string teamKey, string mapId)
    {
        if (!_actions.TryGetValue((teamKey, mapId), out var actions))
        {
            _actions[(teamKey, mapId)] = actions = new(StringComparer.Ordinal);
        }

        return actions;
    }

    private string NextVersion() => (++_version).ToString(CultureInfo.InvariantCulture);
}
