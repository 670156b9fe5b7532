namespace JourneyBot.Conversation.Actions;

/// <summary>
/// Reads a map's actions back from the tracker they were sent to (Planner: a task at 100% makes its
/// action done), so that a map card about to be shown again shows what the tracker knows.
/// </summary>
/// <remarks>
/// Called before the published map card is rendered again on its Universal Actions refresh, i.e.
/// whenever a member looks at it, with the card's answer waiting for it: an implementation answers
/// quickly (e.g. one read-back for the members looking at once, none again for a while) and never
/// throws for a tracker's trouble (a refused or throttled request, an outage): the card then shows
/// the actions as stored, and the scheduled sync tries again later.
/// </remarks>
public interface IActionTrackerSync
{
    /// <summary>
    /// Brings the stored actions of map <paramref name="mapId"/> up to date with their tracker tasks
    /// (in <paramref name="tenantId"/>'s tracker), and answers the map's actions as that left them:
    /// the card needs no read of its own.
    /// </summary>
    Task<MapActions> SyncMapAsync(string teamKey, string mapId, string? tenantId, CancellationToken cancellationToken);
}

/// <summary>No tracker to read back from: the actions are as stored.</summary>
/// <param name="actions">Where they are stored.</param>
public sealed class NoActionTrackerSync(IActionStore actions) : IActionTrackerSync
{
    /// <inheritdoc />
    public Task<MapActions> SyncMapAsync(string teamKey, string mapId, string? tenantId, CancellationToken cancellationToken) =>
        actions.GetActionsAsync(teamKey, mapId, cancellationToken);
}
