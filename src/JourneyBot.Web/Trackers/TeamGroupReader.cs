using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Trackers;
using JourneyBot.Protocol.Connector;

namespace JourneyBot.Web.Trackers;

/// <summary>
/// The Microsoft 365 group of a turn's team from Teams (<c>GET v3/teams/{id}</c>): channel messages
/// name the team but usually not its group. Outside a team (a chat is its own team) there is none.
/// </summary>
internal sealed class TeamGroupReader(IServiceProvider services) : ITeamGroups
{
    public async Task<string?> FindGroupIdAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.ServiceUrl is not { } serviceUrl || turn.IsPersonalChat || turn.Scope.TeamKey == turn.Scope.ConversationKey)
        {
            return null;
        }

        try
        {
            // Resolved when used: the connector client is the protocol's, registered after the conversation.
            var team = await services.GetRequiredService<ConnectorClient>().GetTeamDetailsAsync(serviceUrl, turn.Scope.TeamKey, cancellationToken);
            return Guid.TryParse(team?.AadGroupId, out var group) ? group.ToString() : null;
        }
        catch (ConnectorException)
        {
            // Not a team Teams knows, or the bot is not in it: no group.
            return null;
        }
    }
}
