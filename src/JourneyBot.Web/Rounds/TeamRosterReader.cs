using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Web.Members;

namespace JourneyBot.Web.Rounds;

/// <summary>The roster of a turn's team conversation for rounds: its members through the connector, with what the team's rows know.</summary>
internal sealed class TeamRosterReader(TeamRoster roster) : ITeamRoster
{
    public async Task<IReadOnlyList<Conversation.Rounds.RosterMember>?> ListAsync(UserTurn turn, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (string.IsNullOrEmpty(turn.ServiceUrl))
        {
            return null;
        }

        // A channel thread is "19:…;messageid=…": its members are the channel's.
        var conversationId = turn.Scope.ConversationKey.Split(";messageid=", 2)[0];
        var read = await roster.ListAsync(turn.Scope.TeamKey, turn.ServiceUrl, conversationId, cancellationToken);
        return [.. read.Members.Take(max).Select(m => new Conversation.Rounds.RosterMember(
            new Person(m.Member.PersonId, string.IsNullOrWhiteSpace(m.Member.Name) ? Texts.Someone : m.Member.Name),
            m.Member.Id, m.Department, m.TimeZone, m.Language))];
    }
}
