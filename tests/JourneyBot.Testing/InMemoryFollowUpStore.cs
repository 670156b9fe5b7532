using System.Globalization;
using JourneyBot.Conversation.Actions.FollowUp;

namespace JourneyBot.Testing;

/// <summary>Each map's follow-up state in memory, for the conversation's tests, with a version that changes on every write.</summary>
public sealed class InMemoryFollowUpStore : IFollowUpStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Team, string Map), StoredFollowUp> _states = [];
    private long _versions;

    /// <summary>Forgets a map's follow-up state, as deleting the map does.</summary>
    public void RemoveMap(string teamKey, string mapId)
    {
        lock (_gate)
        {
            _states.Remove((teamKey, mapId));
        }
    }

    /// <inheritdoc />
    public Task<StoredFollowUp?> GetFollowUpAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_states.GetValueOrDefault((teamKey, mapId)));
        }
    }

    /// <inheritdoc />
    public Task<string?> TryPutFollowUpAsync(string teamKey, string mapId, FollowUpState state, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            if (_states.GetValueOrDefault((teamKey, mapId))?.Version != version)
            {
                return Task.FromResult<string?>(null);
            }

            var next = (++_versions).ToString(CultureInfo.InvariantCulture);
            _states[(teamKey, mapId)] = new StoredFollowUp(state, next);
            return Task.FromResult<string?>(next);
        }
    }
}
