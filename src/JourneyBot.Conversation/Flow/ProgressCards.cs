using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

/// <summary>The living progress card's side in storage: which message it is, and what it shows now.</summary>
internal sealed class ProgressCards(IMapStore store, Rounds.RoundViews rounds, CardCache cards)
{
    /// <summary>
    /// The progress card of <paramref name="map"/> as read in <paramref name="stored"/> (the same map,
    /// or the latest when the copy lacked a stage), with <paramref name="counts"/> and the <paramref name="round"/> it shows,
    /// built once per change of any of them: kept by the map row's version and the counts' (<see cref="MapCounts.Version"/>),
    /// which the update or refresh reads anyway. A card with a round is built every time (its deadline reads "in 2 days" against the clock).
    /// </summary>
    public static AdaptiveCard CardFor(CardCache cards, MapScope scope, StoredMap stored, JourneyMap map, MapCounts counts, Rounds.RoundView? round)
    {
        var version = round is null && ReferenceEquals(map, stored.Map) && counts.Version is { } read ? string.Concat(stored.ETag, "|", read) : null;
        return cards.GetOrBuild(CardCache.Slot("progress", scope.TeamKey, scope.ConversationKey, map.Id), version,
            () => ProgressCard.For(map, counts, round));
    }

    /// <summary>Remembers the message id of the progress card the host posted for <paramref name="mapId"/>.</summary>
    public async Task RememberAsync(MapScope scope, string mapId, string activityId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MapTransaction.MaxAttempts; attempt++)
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
    public async Task<ProgressCardView?> LatestAsync(MapScope scope, CancellationToken cancellationToken)
    {
        var stored = await store.GetConversationMapAsync(scope, cancellationToken);
        if (stored?.Map.ProgressActivityId is not { } activityId)
        {
            return null;
        }

        // The kept counts, not the board: a progress update costs the same at 2,000 items as at 10.
        var counts = await store.GetCountsAsync(scope.TeamKey, stored.Map.Id, cancellationToken);
        var map = await RecentCopies.ToShowAsync(store, scope, stored, counts, cancellationToken);
        var round = await rounds.LatestAsync(scope.TeamKey, map, cancellationToken);
        return new ProgressCardView(map.Id, CardFor(cards, scope, stored, map, counts, round), activityId, ProgressCard.MovedBelow(map));
    }
}

/// <summary>A map's progress card as it should look now, and the message that shows it.</summary>
/// <param name="MapId">The map.</param>
/// <param name="Card">The card.</param>
/// <param name="ActivityId">The message that holds the card.</param>
/// <param name="MovedBelow">What that message says instead once the card is posted again further down.</param>
public sealed record ProgressCardView(string MapId, AdaptiveCard Card, string ActivityId, AdaptiveCard MovedBelow);
