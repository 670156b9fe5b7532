using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Lifecycle;

/// <summary>
/// Closes a team's sessions when the bot is removed from the team (or chat): nothing can be posted
/// there any more and nobody should be reminded.
/// </summary>
/// <remarks>
/// "Closed" with the statuses there are: every map a conversation of the team holds and is still
/// making (<see cref="MapStatus.Active"/>) is archived, as <c>archive</c> would (its items kept;
/// the facilitator can <c>open</c> it again if the app comes back, and a retention setting lets it
/// age out); published and already finished maps stay as they are. Each held map's open round is
/// closed without a summary (<see cref="RoundDue.ClosedAsync"/>), and its deadline and reminders
/// are dropped from the schedule. Nothing is deleted: removing an app is not asking for the data
/// to go (<c>delete all maps</c> is).
/// </remarks>
public sealed class TeamSessions(IMapStore store, IRoundStore rounds, RoundDue due, MapDeletion deletion)
{
    /// <summary>Closes the team's sessions; returns how many maps were archived.</summary>
    public async Task<int> CloseAllAsync(string teamKey, CancellationToken cancellationToken)
    {
        var archived = 0;
        foreach (var summary in await store.ListMapsAsync(teamKey, cancellationToken))
        {
            var scope = new MapScope(teamKey, summary.ConversationKey);
            var stored = await store.GetLatestConversationMapAsync(scope, cancellationToken);
            if (stored?.Map.Id != summary.Id)
            {
                continue; // on the shelf: not being made anywhere
            }

            if (stored.Map.Status == MapStatus.Active && await ArchiveAsync(scope, stored, cancellationToken))
            {
                archived++;
            }

            if (stored.Map.LatestRound > 0)
            {
                await StopRoundAsync(new RoundKey(teamKey, summary.Id, stored.Map.LatestRound), cancellationToken);
            }
        }

        return archived;
    }

    // Saved against the version read; a conflict (a member's turn landed meanwhile) reads it again.
    private async Task<bool> ArchiveAsync(MapScope scope, StoredMap stored, CancellationToken cancellationToken)
    {
        for (var (current, attempt) = (stored, 0); attempt < MapTransaction.MaxAttempts; attempt++)
        {
            if (current.Map.Status != MapStatus.Active)
            {
                return false;
            }

            current.Map.Status = MapStatus.Archived;
            if (await store.TrySaveAsync(scope, current, cancellationToken) is not null)
            {
                return true;
            }

            if (await store.GetLatestConversationMapAsync(scope, cancellationToken) is not { } latest || latest.Map.Id != stored.Map.Id)
            {
                return false;
            }

            current = latest;
        }

        return false;
    }

    private async Task StopRoundAsync(RoundKey key, CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(key.TeamKey, key.MapId, key.Number, cancellationToken) is not { State: RoundState.Open } round)
        {
            return;
        }

        await due.ClosedAsync(key, cancellationToken);
        var asks = await rounds.ListAsksAsync(key.TeamKey, key.MapId, key.Number, cancellationToken);
        await deletion.DropTimersAsync(key, round, asks, cancellationToken);
    }
}
