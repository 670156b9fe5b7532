using JourneyBot.Conversation.Flow;

namespace JourneyBot.Conversation.Trackers;

/// <summary>
/// The Microsoft 365 group of a turn's team when the turn does not carry it: Teams puts
/// <c>aadGroupId</c> in the team's <c>channelData</c> of some activities only, and the host can ask
/// Teams for the team's details.
/// </summary>
public interface ITeamGroups
{
    /// <summary>The group id of the turn's team; null outside a team or when it cannot be found.</summary>
    Task<string?> FindGroupIdAsync(UserTurn turn, CancellationToken cancellationToken);
}

/// <summary>No lookup: only the group a turn carries is known.</summary>
public sealed class NoTeamGroups : ITeamGroups
{
    /// <inheritdoc />
    public Task<string?> FindGroupIdAsync(UserTurn turn, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
