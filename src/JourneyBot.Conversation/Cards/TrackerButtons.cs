using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Cards;

/// <summary>The tracker's button on the cards that show an action (the owner's card, the map card).</summary>
public static class TrackerButtons
{
    /// <summary>
    /// "Send to Planner" for <paramref name="action"/> of map <paramref name="mapId"/> in team
    /// <paramref name="teamKey"/>; null when the team chose no plan (<paramref name="tracker"/>),
    /// or the action is in a tracker already or done. It works wherever the card is, a 1:1 chat
    /// included: the button names the team and map.
    /// </summary>
    public static CardAction? SendToPlanner(string teamKey, string mapId, OwnedAction action, TeamTracker? tracker)
    {
        ArgumentNullException.ThrowIfNull(teamKey);
        ArgumentNullException.ThrowIfNull(mapId);
        ArgumentNullException.ThrowIfNull(action);
        if (tracker is null || action.Tracker is not null || action.Status == ActionStatus.Done)
        {
            return null;
        }

        return CardParts.Button(Strings.ButtonSendToPlanner, CardVerbs.SendToPlanner, new Dictionary<string, string>
        {
            [CardVerbs.TeamKey] = teamKey,
            [CardVerbs.MapKey] = mapId,
            [CardVerbs.SendActionKey] = action.Id,
        });
    }
}
