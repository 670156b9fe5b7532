using JourneyBot.Conversation.Flow.Handlers;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Exports;

/// <summary>
/// Finds the map a map's card, page and exports link to: a future map's current state (named on the
/// future map; one point read of the current map's shelf line, to link it only while it is there), or
/// a map's future state (one point read of the team's shelf line by its derived id, and, when there is
/// one to link, one read of the map for the version its link shows).
/// </summary>
public sealed class MapRelations(IMapStore store, MapLinks links)
{
    /// <summary>
    /// The current state a future map designs against, with no read (so it may have been deleted or
    /// archived since: <see cref="ForAsync"/> checks); null for a map that is no future.
    /// </summary>
    public RelatedMap? CurrentOf(string teamKey, JourneyMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        // The version compared against: the link shows what the dashed curve was drawn from.
        return map.FutureOf is { } of
            ? new RelatedMap(of.CurrentName, IsFuture: false, MapStatus.Published, links.For(teamKey, of.CurrentMapId, of.CurrentVersion))
            : null;
    }

    /// <summary>The map related to <paramref name="map"/> of team <paramref name="teamKey"/>, or null when it has none.</summary>
    public async Task<RelatedMap?> ForAsync(string teamKey, JourneyMap map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (CurrentOf(teamKey, map) is { } current)
        {
            // A link to a current map deleted since would lead nowhere: the future says it was deleted instead.
            var currentLine = await store.GetMapSummaryAsync(teamKey, map.FutureOf!.CurrentMapId, cancellationToken);
            return currentLine switch
            {
                null => current with { Link = null, Deleted = true },
                { Status: MapStatus.Archived or MapStatus.Cancelled } => current with { Status = currentLine.Status, Link = null },
                _ => current,
            };
        }

        // A future deleted has no line: the map has no future then (and may start another).
        var line = await store.GetMapSummaryAsync(teamKey, FutureStates.IdOf(map.Id), cancellationToken);
        if (line is null)
        {
            return null;
        }

        if (line.Status is MapStatus.Archived or MapStatus.Cancelled || !links.Enabled)
        {
            return new RelatedMap(line.Name, IsFuture: true, line.Status, Link: null);
        }

        // Its latest published version; while it was never published, the map as it is now (version 0).
        var future = await MapHomes.ReadAsync(store, teamKey, line, cancellationToken);
        return new RelatedMap(line.Name, IsFuture: true, line.Status, links.For(teamKey, line.Id, future?.PublishedVersion ?? 0));
    }
}
