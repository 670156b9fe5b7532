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
    public static Task<JourneyMap> ToShowAsync(IMapStore store, MapScope scope, StoredMap stored, MapBoard board,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        return ToShowAsync(store, scope, stored, board.Items.Select(i => i.StageId), cancellationToken);
    }

    /// <summary>The same for the stages the map's kept counts name (<see cref="MapCounts.StageIds"/>).</summary>
    public static Task<JourneyMap> ToShowAsync(IMapStore store, MapScope scope, StoredMap stored, MapCounts counts,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return ToShowAsync(store, scope, stored, counts.StageIds, cancellationToken);
    }

    private static async Task<JourneyMap> ToShowAsync(IMapStore store, MapScope scope, StoredMap stored, IEnumerable<string> stageIds,
        CancellationToken cancellationToken)
    {
        var map = stored.Map;
        if (!stored.IsRecentCopy || stageIds.All(id => map.Stages.Any(s => s.Id == id)))
        {
            return map;
        }

        var latest = await store.GetLatestConversationMapAsync(scope, cancellationToken);
        return latest is not null && latest.Map.Id == map.Id ? latest.Map : map;
    }
}
