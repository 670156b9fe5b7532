using JourneyBot.Conversation.Actions;

namespace JourneyBot.Conversation.Trackers;

/// <summary>One change to a stored action, re-applied on the latest action when someone else wrote first.</summary>
internal static class ActionUpdates
{
    // Owners, facilitators and the sync write the same row; a handful of conflicts in a row means a storm, not a race.
    private const int Attempts = 5;

    /// <summary>
    /// Applies <paramref name="change"/> to the action as stored (null from it: nothing to change)
    /// and writes it, reading again on a conflict. The action as written, or null when it is gone,
    /// unchanged, or kept changing.
    /// </summary>
    public static async Task<OwnedAction?> ApplyAsync(IActionStore store, string teamKey, string mapId, string actionId,
        Func<OwnedAction, OwnedAction?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await store.GetActionAsync(teamKey, mapId, actionId, cancellationToken) is not { } stored
                || change(stored.Action) is not { } changed)
            {
                return null;
            }

            if (await store.TryReplaceActionAsync(teamKey, mapId, stored with { Action = changed }, cancellationToken) is not null)
            {
                return changed;
            }
        }

        return null;
    }
}
