using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// What shows a map with its items (status, the progress card) does with a copy of the map read
/// moments ago (<see cref="StoredMap.IsRecentCopy"/>): the items are always read fresh, so an item
/// on a stage the copy does not know says that another instance changed the stages since.
/// </summary>
internal static class RecentCopies
{
    /// <summary>
    /// The map to show <paramref name="board"/> with: <paramref name="stored"/>, unless it is a copy
    /// that lacks a stage the board's items are on; then the map as storage holds it (while it is
    /// still the same map). A copy that knows every stage costs no read.
    /// </summary>
    public static async Task<JourneyMap> ToShowAsync(IMapStore store, MapScope scope, StoredMap stored, MapBoard board,
        CancellationToken cancellationToken)
    {
        var map = stored.Map;
        if (!stored.IsRecentCopy || board.Items.All(i => map.Stages.Any(s => s.Id == i.StageId)))
        {
            return map;
        }

        var latest = await store.GetLatestConversationMapAsync(scope, cancellationToken);
        return latest is not null && latest.Map.Id == map.Id ? latest.Map : map;
    }
}
