namespace JourneyBot.Conversation.Rounds;

/// <summary>A round of a map of a team.</summary>
/// <param name="TeamKey">The team.</param>
/// <param name="MapId">The map.</param>
/// <param name="Number">The round's number.</param>
public sealed record RoundKey(string TeamKey, string MapId, int Number);

/// <summary>The moments a round acts by itself: each member's reminder, and its deadline.</summary>
public interface IRoundTimers
{
    /// <summary>Reminds <paramref name="memberId"/> at <paramref name="at"/>; only the time on their ask (<see cref="RoundAsk.ReminderAt"/>) acts.</summary>
    Task SetReminderAsync(RoundKey round, string memberId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Closes the round at <paramref name="at"/>.</summary>
    Task SetDeadlineAsync(RoundKey round, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Drops the reminder set for <paramref name="memberId"/> at <paramref name="at"/>; nothing happens when there is none.</summary>
    Task DropReminderAsync(RoundKey round, string memberId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Drops the round's deadline set at <paramref name="at"/>; nothing happens when there is none.</summary>
    Task DropDeadlineAsync(RoundKey round, DateTimeOffset at, CancellationToken cancellationToken);
}
