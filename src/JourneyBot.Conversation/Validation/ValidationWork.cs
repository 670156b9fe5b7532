using System.Globalization;
using System.Text.Json.Nodes;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Conversation.Scheduling;

namespace JourneyBot.Conversation.Validation;

/// <summary>
/// A validation round's moments as durable scheduled work (<see cref="IDueWorkStore"/>): a reminder
/// per member asked, and the round's deadline. Scheduled once, when the questions are sent; what
/// they do is decided when they fall due (<see cref="ValidationDue"/>), so a round closed early or a
/// map deleted leaves entries that do nothing.
/// </summary>
public sealed class ValidationWork(IDueWorkStore schedule) : IValidationTimers
{
    /// <summary>The kind of a member's reminder.</summary>
    public const string ReminderKind = "validation.reminder";

    /// <summary>The kind of a round's deadline.</summary>
    public const string DeadlineKind = "validation.deadline";

    /// <inheritdoc />
    public Task SetReminderAsync(RoundKey round, string memberId, DateTimeOffset at, string? zone, CancellationToken cancellationToken) =>
        schedule.ScheduleAsync(Reminder(round, memberId, at, zone), cancellationToken);

    /// <inheritdoc />
    public Task SetDeadlineAsync(RoundKey round, DateTimeOffset at, CancellationToken cancellationToken) =>
        schedule.ScheduleAsync(Deadline(round, at), cancellationToken);

    /// <summary>A member's reminder at <paramref name="at"/>, shown in <paramref name="zone"/> (their time zone, if known).</summary>
    public static DueWork Reminder(RoundKey round, string memberId, DateTimeOffset at, string? zone)
    {
        ArgumentNullException.ThrowIfNull(round);
        var payload = Payload(round);
        payload["member"] = memberId;
        payload["zone"] = zone;
        // The id is logged where the work fails or repeats: a hash, so no member id is written beside a map there.
        var named = string.Join('|', round.TeamKey, round.MapId, round.Number.ToString(CultureInfo.InvariantCulture), memberId);
        var id = DueWork.HashedId("vreminder|", named);
        return new DueWork(id, ReminderKind, at, payload.ToJsonString());
    }

    /// <summary>The round's deadline.</summary>
    public static DueWork Deadline(RoundKey round, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(round);
        var id = string.Join('|', "vdeadline", round.TeamKey, round.MapId, round.Number.ToString(CultureInfo.InvariantCulture));
        return new DueWork(id, DeadlineKind, at, Payload(round).ToJsonString());
    }

    /// <summary>The round (and, for a reminder, the member and their zone) scheduled work is about; null when its payload is not one of ours.</summary>
    public static (RoundKey Round, string? MemberId, string? Zone)? Read(DueWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            if (JsonNode.Parse(work.Payload) is JsonObject payload
                && (string?)payload["team"] is { } team && (string?)payload["map"] is { } map && (int?)payload["validation"] is { } number)
            {
                return (new RoundKey(team, map, number), (string?)payload["member"], (string?)payload["zone"]);
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

    private static JsonObject Payload(RoundKey round) => new() { ["team"] = round.TeamKey, ["map"] = round.MapId, ["validation"] = round.Number };
}
