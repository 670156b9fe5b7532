using System.Globalization;
using System.Text.Json.Nodes;
using JourneyBot.Conversation.Scheduling;

namespace JourneyBot.Conversation.Rounds;

/// <summary>
/// A round's moments as durable scheduled work (<see cref="IDueWorkStore"/>): each member's
/// reminder and the round's deadline, which survive restarts and are done by one instance.
/// </summary>
public sealed class RoundWork(IDueWorkStore schedule) : IRoundTimers
{
    /// <summary>The kind of a member's reminder.</summary>
    public const string ReminderKind = "round.reminder";

    /// <summary>The kind of a round's deadline.</summary>
    public const string DeadlineKind = "round.deadline";

    /// <inheritdoc />
    public Task SetReminderAsync(RoundKey round, string memberId, DateTimeOffset at, CancellationToken cancellationToken) =>
        schedule.ScheduleAsync(Reminder(round, memberId, at), cancellationToken);

    /// <inheritdoc />
    public Task SetDeadlineAsync(RoundKey round, DateTimeOffset at, CancellationToken cancellationToken) =>
        schedule.ScheduleAsync(Deadline(round, at), cancellationToken);

    /// <inheritdoc />
    public Task DropReminderAsync(RoundKey round, string memberId, DateTimeOffset at, CancellationToken cancellationToken) =>
        schedule.CancelAsync(Reminder(round, memberId, at), cancellationToken);

    /// <inheritdoc />
    public Task DropDeadlineAsync(RoundKey round, DateTimeOffset at, CancellationToken cancellationToken) =>
        schedule.CancelAsync(Deadline(round, at), cancellationToken);

    /// <summary>
    /// A member's reminder at <paramref name="at"/>. A new time is new work: the reminder acts only
    /// when its time is still the one on the member's ask (<see cref="RoundAsk.ReminderAt"/>), so a
    /// reminder moved to tomorrow leaves the old one doing nothing.
    /// </summary>
    public static DueWork Reminder(RoundKey round, string memberId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(round);
        var payload = Payload(round);
        payload["member"] = memberId;
        payload["at"] = at.UtcTicks;
        // The id is logged where the work fails or repeats: a hash, so no member id is written beside a round there.
        var named = string.Join('|', round.TeamKey, round.MapId, round.Number.ToString(CultureInfo.InvariantCulture), memberId,
            at.UtcTicks.ToString(CultureInfo.InvariantCulture));
        var id = DueWork.HashedId("reminder|", named);
        return new DueWork(id, ReminderKind, at, payload.ToJsonString());
    }

    /// <summary>The round's deadline.</summary>
    public static DueWork Deadline(RoundKey round, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(round);
        var id = string.Join('|', "deadline", round.TeamKey, round.MapId, round.Number.ToString(CultureInfo.InvariantCulture));
        return new DueWork(id, DeadlineKind, at, Payload(round).ToJsonString());
    }

    /// <summary>
    /// The round (and, for a reminder, the member and the moment it was set for) scheduled work is
    /// about; null when its payload is not one of ours.
    /// </summary>
    public static (RoundKey Round, string? MemberId, DateTimeOffset? At)? Read(DueWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            if (JsonNode.Parse(work.Payload) is JsonObject payload
                && (string?)payload["team"] is { } team && (string?)payload["map"] is { } map && (int?)payload["round"] is { } number)
            {
                var at = (long?)payload["at"] is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
                return (new RoundKey(team, map, number), (string?)payload["member"], at);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not ours: the caller logs it and drops it.
        }
        catch (InvalidOperationException)
        {
            // A value of the wrong type.
        }

        return null;
    }

    private static JsonObject Payload(RoundKey round) => new() { ["team"] = round.TeamKey, ["map"] = round.MapId, ["round"] = round.Number };
}
