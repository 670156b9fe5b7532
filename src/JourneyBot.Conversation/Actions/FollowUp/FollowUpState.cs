namespace JourneyBot.Conversation.Actions.FollowUp;

/// <summary>
/// What a map's follow-up remembers between its passes: when it began, when the thread last got a
/// digest, and which stages the facilitator was already asked to map again.
/// </summary>
/// <remarks>
/// Kept on a small row of its own beside the map's actions, not in the schedule's payload: a turn
/// that changes actions schedules the pass again, and a schedule entry scheduled again is replaced
/// whole, so state in its payload would be lost.
/// </remarks>
/// <param name="Since">When the map's follow-up began (its first pass): the first digest is a week after.</param>
/// <param name="DigestAt">When the last digest was posted; null before the first.</param>
/// <param name="StagesAsked">The stage ids the facilitator was asked about (once per stage).</param>
public sealed record FollowUpState(DateTimeOffset Since, DateTimeOffset? DigestAt, IReadOnlyList<string> StagesAsked)
{
    /// <summary>A follow-up beginning at <paramref name="now"/>.</summary>
    public static FollowUpState Begin(DateTimeOffset now) => new(now, null, []);
}

/// <summary>Where each map's <see cref="FollowUpState"/> lives (a row in the map's team, removed with the map).</summary>
public interface IFollowUpStore
{
    /// <summary>The map's follow-up state, or null before its first pass.</summary>
    Task<FollowUpState?> GetFollowUpAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>Keeps the map's follow-up state. Only a pass writes it, and one instance does a map's pass at a time (the schedule's claim).</summary>
    Task PutFollowUpAsync(string teamKey, string mapId, FollowUpState state, CancellationToken cancellationToken);
}
