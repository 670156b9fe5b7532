using JourneyBot.Conversation.Flow.Handlers;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Lifecycle;

/// <summary>
/// Which finished maps are still in use though their shelf line's stamp is old: a published map
/// kept living (<see cref="JourneyMap.Review"/> set), whose items are confirmed by item writes that
/// stamp no line, and a published map whose future state is being mapped (the future map is active
/// and designs against it). A retention pass keeps them.
/// </summary>
/// <remarks>
/// Decided when the pass would delete, from the map as stored now, rather than by stamping the line on
/// every confirmation: no write path has to remember to stamp, and a future map never writes its current one.
/// </remarks>
public static class LivingMaps
{
    /// <summary>Whether the map is published and kept living by a review or by an active future map.</summary>
    public static async Task<bool> IsLivingAsync(IMapStore store, string teamKey, string mapId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.GetMapSummaryAsync(teamKey, mapId, cancellationToken) is not { Status: MapStatus.Published } line)
        {
            return false;
        }

        if (await store.GetMapSummaryAsync(teamKey, FutureStates.IdOf(mapId), cancellationToken) is { Status: MapStatus.Active })
        {
            return true;
        }

        return await MapHomes.ReadAsync(store, teamKey, line, cancellationToken) is { Review: not null };
    }
}
