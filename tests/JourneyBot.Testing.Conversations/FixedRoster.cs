using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Testing.Conversations;

/// <summary>A roster a test sets: the members every team conversation has.</summary>
public sealed class FixedRoster : ITeamRoster
{
    /// <summary>The members; null: the roster cannot be read.</summary>
    public IReadOnlyList<RosterMember>? Members { get; set; } = [];

    /// <inheritdoc />
    public Task<IReadOnlyList<RosterMember>?> ListAsync(UserTurn turn, int max, CancellationToken cancellationToken) =>
        Task.FromResult(Members is null ? null : (IReadOnlyList<RosterMember>?)[.. Members.Take(max)]);
}
