using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Rounds;

/// <summary>The members of the conversation a turn comes from, with what the team knows of them.</summary>
public interface ITeamRoster
{
    /// <summary>
    /// Up to <paramref name="max"/> members of <paramref name="turn"/>'s conversation (the bot not
    /// among them), each with their department, time zone and language where known; null when its members
    /// cannot be read (no connector to ask).
    /// </summary>
    Task<IReadOnlyList<RosterMember>?> ListAsync(UserTurn turn, int max, CancellationToken cancellationToken);
}

/// <summary>A member of a team conversation.</summary>
/// <param name="Person">Who they are, as turns name them (their Entra object id where Teams gives it) and their name.</param>
/// <param name="TeamsId">Their Teams user id (<c>29:…</c>), to create their 1:1 chat.</param>
/// <param name="Department">Their department, when the team knows it.</param>
/// <param name="TimeZone">Their time zone (IANA id), when seen.</param>
/// <param name="Language">The language of their Teams as their rows remember it (<c>en</c>, <c>es</c>, <c>ro</c>): their own cards are made in it; null while unknown.</param>
public sealed record RosterMember(Person Person, string TeamsId, string? Department, string? TimeZone, string? Language = null);

/// <summary>No roster: where no connector can be asked (tests of the flow alone, benchmarks).</summary>
public sealed class NoTeamRoster : ITeamRoster
{
    /// <inheritdoc />
    public Task<IReadOnlyList<RosterMember>?> ListAsync(UserTurn turn, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RosterMember>?>(null);
}
