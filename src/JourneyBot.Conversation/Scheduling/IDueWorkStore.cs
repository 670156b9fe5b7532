namespace JourneyBot.Conversation.Scheduling;

/// <summary>
/// The durable schedule: work that falls due at a time, kept across restarts and shared by every
/// instance of the bot, each entry claimed by one instance at a time.
/// </summary>
/// <remarks>
/// An entry is named by <see cref="DueWork.Id"/> within the hour of <see cref="DueWork.DueAt"/>.
/// A claim holds an entry for a lease; an instance that completes or releases it after losing it
/// (lease run out, claimed elsewhere, cancelled or scheduled again meanwhile) changes nothing.
/// </remarks>
public interface IDueWorkStore
{
    /// <summary>Adds the work, or replaces the entry of the same id and hour (and any claim on it).</summary>
    Task ScheduleAsync(DueWork work, CancellationToken cancellationToken);

    /// <summary>Removes the work's entry, claimed or not; nothing happens when there is none.</summary>
    Task CancelAsync(DueWork work, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> entries due at <paramref name="now"/> (never claimed, or
    /// released for a retry by now, or whose lease ran out) for <paramref name="owner"/>, until
    /// <paramref name="now"/> + <paramref name="lease"/>, counting one more attempt on each. An entry
    /// another instance claims first is left to it.
    /// </summary>
    Task<IReadOnlyList<ClaimedWork>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Removes the claimed entry: the work is done. False when the claim was lost meanwhile.</summary>
    Task<bool> CompleteAsync(ClaimedWork work, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the claimed entry back after a failed attempt, due again at <paramref name="retryAt"/>
    /// (its attempts counted). False when the claim was lost meanwhile.
    /// </summary>
    Task<bool> ReleaseAsync(ClaimedWork work, DateTimeOffset retryAt, CancellationToken cancellationToken);
}
