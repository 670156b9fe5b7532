using JourneyBot.Conversation.Actions;

namespace JourneyBot.Conversation.Trackers;

/// <summary>The map card's read-back (<see cref="IActionTrackerSync"/>) from Planner: the same read as the hourly pass.</summary>
/// <remarks>
/// <see cref="TrackerSync"/> skips tasks read moments ago and stops, without throwing, at the first
/// call Graph refuses or cannot answer, so a card many members look at stays quick and is never
/// refused for Planner's trouble: it shows the actions as stored, and the hourly pass reads again.
/// </remarks>
internal sealed class TrackerReadBack(TrackerSync sync) : IActionTrackerSync
{
    public Task SyncMapAsync(string teamKey, string mapId, string? tenantId, CancellationToken cancellationToken) =>
        sync.SyncMapAsync(teamKey, mapId, tenantId, cancellationToken);
}
