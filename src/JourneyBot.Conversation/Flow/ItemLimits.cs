using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// Holds every way an item is added (typed, a card's Add, an answer to a round's question) to
/// <see cref="MapLimits"/>: a new item past a limit is refused with a sentence that says which
/// limit and what to do, before anything is written.
/// </summary>
internal static class ItemLimits
{
    /// <summary>Why <paramref name="item"/> may not be added to the map, or null when it may.</summary>
    public static async Task<string?> RefusalAsync(IMapStore store, string teamKey, string mapId, MapItem item, CancellationToken cancellationToken)
    {
        var tally = await store.CountItemsAsync(teamKey, mapId, cancellationToken);
        var mapFull = tally.Items >= MapLimits.ItemsPerMap;
        if (!mapFull && tally.Of(item.Author.Id) < MapLimits.ItemsPerAuthor)
        {
            return null;
        }

        // An emotion given again replaces the author's own for that stage: it adds nothing. Only
        // at a limit is it looked up (one point read) to tell, so the common case costs no read.
        if (item.Kind == ItemKind.Emotion && await store.GetItemAsync(teamKey, mapId, item.Id, cancellationToken) is not null)
        {
            return null;
        }

        return mapFull
            ? Strings.ItemLimitMap.Fill(("max", MapLimits.ItemsPerMap))
            : Strings.ItemLimitAuthor.Fill(("max", MapLimits.ItemsPerAuthor));
    }
}
