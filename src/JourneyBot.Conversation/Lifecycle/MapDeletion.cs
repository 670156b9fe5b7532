using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Lifecycle;

/// <summary>
/// Removes a map for good, every row of it: its rounds and everyone asked in them, the notes in
/// members' 1:1 chats that name those rounds, their reminders and deadlines in the schedule, its
/// validation rounds and evidence history, then
/// the map's own rows (the conversation's hold, items, votes, and its shelf line last).
/// </summary>
/// <remarks>
/// The shelf line goes last because it is how the map is found: a removal cut short (the host
/// stopped) leaves the map listed, and deleting it again finishes the job. Scheduled work is dropped
/// where its time is known (the deadline on the round, each reminder at the time on its ask); a
/// reminder moved since leaves its old entry, which does nothing once the round is gone (see
/// <see cref="RoundDue"/>), and is removed when it falls due. Links to the map are signed, not
/// stored: once the map is gone they lead nowhere.
/// </remarks>
public sealed class MapDeletion(IMapStore store, IRoundStore rounds, IRoundTimers timers, Validation.IValidationStore? validations = null)
{
    /// <summary>Removes the map; false when the team has no such map (nothing of it is left either way).</summary>
    public async Task<bool> DeleteAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        var latest = await rounds.GetLatestAsync(teamKey, mapId, cancellationToken);
        for (var number = latest?.Number ?? 0; number >= 1; number--)
        {
            await ForgetRoundAsync(new RoundKey(teamKey, mapId, number), cancellationToken);
        }

        await rounds.DeleteRoundsAsync(teamKey, mapId, cancellationToken);
        if (validations is not null)
        {
            // Validation rounds, answers, contradictions and the evidence history go with the map.
            await validations.DeleteAsync(teamKey, mapId, cancellationToken);
        }

        await ForgetEvidenceAskedAsync(teamKey, mapId, cancellationToken);
        return await store.DeleteMapAsync(teamKey, mapId, cancellationToken);
    }

    // A member's row remembers the maps where they were asked how they know (Flow.EvidenceQuestions):
    // those were asked of the map's authors, whose rows lose the map's id before the map goes.
    private async Task ForgetEvidenceAskedAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        var counts = await store.GetCountsAsync(teamKey, mapId, cancellationToken);
        foreach (var author in counts.Authors.Select(a => a.Author.Id).Distinct(StringComparer.Ordinal))
        {
            if (await store.GetMemberAsync(teamKey, author, cancellationToken) is { } member && member.EvidenceAskedOn.Contains(mapId, StringComparer.Ordinal))
            {
                await store.PutMemberAsync(teamKey, author, member with { EvidenceAskedOn = [.. member.EvidenceAskedOn.Where(id => id != mapId)] },
                    MemberFields.EvidenceAskedOn, cancellationToken);
            }
        }
    }

    /// <summary>Drops the round's deadline and its members' reminders from the schedule.</summary>
    public async Task DropTimersAsync(RoundKey key, Round round, IReadOnlyList<RoundAsk> asks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(asks);
        await timers.DropDeadlineAsync(key, round.Deadline, cancellationToken);
        foreach (var ask in asks)
        {
            if (ask.ReminderAt is { } at)
            {
                await timers.DropReminderAsync(key, ask.Member.Id, at, cancellationToken);
            }
        }
    }

    private async Task ForgetRoundAsync(RoundKey key, CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(key.TeamKey, key.MapId, key.Number, cancellationToken) is not { } round)
        {
            return;
        }

        var asks = await rounds.ListAsksAsync(key.TeamKey, key.MapId, key.Number, cancellationToken);
        await DropTimersAsync(key, round, asks, cancellationToken);
        foreach (var chatId in asks.Select(a => a.ChatId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            await rounds.RemoveChatAskAsync(chatId, key, cancellationToken);
        }
    }
}
