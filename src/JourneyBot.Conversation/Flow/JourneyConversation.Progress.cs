using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

// The living progress card: posted when contributions open, then updated in place by the host.
public sealed partial class JourneyConversation
{
    /// <summary>
    /// Remembers the message id of the progress card the host posted for <paramref name="mapId"/>,
    /// so later changes update that card in place.
    /// </summary>
    public async Task RememberProgressCardAsync(MapScope scope, string mapId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await store.GetLatestConversationMapAsync(scope, cancellationToken);
            if (stored is null || stored.Map.Id != mapId)
            {
                return;
            }

            stored.Map.ProgressActivityId = activityId;
            if (await store.TrySaveAsync(scope, stored, cancellationToken) is not null)
            {
                return;
            }
        }
    }

    /// <summary>The latest progress card of the conversation's map and the message it belongs in, if it has one.</summary>
    public async Task<(AdaptiveCard Card, string ActivityId)?> ProgressAsync(MapScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var stored = await store.GetConversationMapAsync(scope, cancellationToken);
        if (stored?.Map.ProgressActivityId is not { } activityId)
        {
            return null;
        }

        var board = await store.GetBoardAsync(scope.TeamKey, stored.Map.Id, cancellationToken);
        return (ProgressCard.For(stored.Map, board), activityId);
    }

    // A refresh of the progress card (Universal Actions) answers with the latest one.
    private async Task<TurnOutcome> ProgressCardAsync(UserTurn turn, JourneyMap map, CancellationToken cancellationToken)
    {
        var board = await store.GetBoardAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
        return new TurnOutcome { CardUpdate = ProgressCard.For(map, board) };
    }
}
