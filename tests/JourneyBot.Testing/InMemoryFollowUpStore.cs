using JourneyBot.Conversation.Actions.FollowUp;

namespace JourneyBot.Testing;

/// <summary>Each map's follow-up state in memory, for the conversation's tests.</summary>
public sealed class InMemoryFollowUpStore : IFollowUpStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Team, string Map), FollowUpState> _states = [];

    /// <inheritdoc />
    public Task<FollowUpState?> GetFollowUpAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_states.GetValueOrDefault((teamKey, mapId)));
        }
    }

    /// <inheritdoc />
    public Task PutFollowUpAsync(string teamKey, string mapId, FollowUpState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            _states[(teamKey, mapId)] = state;
        }

        return Task.CompletedTask;
    }
}
