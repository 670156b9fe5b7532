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
/// <remarks>
/// Passes run one at a time per map on the schedule's claim, yet two may overlap (a claim that lapsed
/// while its pass still ran, a turn's "soon" beside the pass's own next run): a write carries the
/// version read and fails when someone else wrote first, so that the caller reads again and no mark
/// (a digest sent, a stage asked about) is lost.
/// </remarks>
public interface IFollowUpStore
{
    /// <summary>The map's follow-up state with the version a write must match, or null before its first pass.</summary>
    Task<StoredFollowUp?> GetFollowUpAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the map's follow-up state unless it changed since it was read: <paramref name="version"/>
    /// is <see cref="StoredFollowUp.Version"/> as read, or null to add the state where there is none.
    /// Returns the new version, or null when someone else wrote (or added) it first.
    /// </summary>
    Task<string?> TryPutFollowUpAsync(string teamKey, string mapId, FollowUpState state, string? version, CancellationToken cancellationToken);
}

/// <summary>A map's follow-up state as read, with the version a write must match.</summary>
/// <param name="State">The state.</param>
/// <param name="Version">The row's version (an ETag in table storage).</param>
public sealed record StoredFollowUp(FollowUpState State, string Version);
