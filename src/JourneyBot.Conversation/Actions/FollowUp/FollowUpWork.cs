using System.Text.Json.Nodes;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Scheduling;

namespace JourneyBot.Conversation.Actions.FollowUp;

/// <summary>
/// A map's follow-up pass as durable scheduled work (<see cref="IDueWorkStore"/>): one entry per
/// map, whose payload says where the map's team talks (ids and the thread's service address, never
/// member text). The pass schedules its own next run while any action of the map is open.
/// </summary>
/// <remarks>
/// One entry per map rather than one per action: a digest and a "map this stage again?" question
/// are about the map, a pass reads the map's actions in one query whatever their number, and
/// moving or finishing an action needs no entry found and cancelled. An entry is named by the map
/// within the hour it is due: a turn's "soon" and the pass's own next run may stand side by side
/// for a while, and the pass is safe to run twice (reminders and the digest are marked when sent).
/// </remarks>
public static class FollowUpWork
{
    /// <summary>The kind of a map's follow-up pass.</summary>
    public const string Kind = "actions.followup";

    /// <summary>How long after a turn changed actions its pass runs: a burst of changes makes one pass.</summary>
    public static readonly TimeSpan AfterChange = TimeSpan.FromMinutes(1);

    /// <summary>The map's pass at <paramref name="at"/>.</summary>
    public static DueWork At(ActionsTouched map, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(map);
        var payload = new JsonObject
        {
            ["team"] = map.Scope.TeamKey,
            ["conversation"] = map.Scope.ConversationKey,
            ["map"] = map.MapId,
            ["serviceUrl"] = map.ServiceUrl,
            ["tenant"] = map.TenantId,
        };
        return new DueWork(string.Join('|', "followup", map.Scope.TeamKey, map.MapId), Kind, at, payload.ToJsonString());
    }

    /// <summary>The map a pass is for; null when the payload is not one of ours.</summary>
    public static ActionsTouched? Read(DueWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            if (JsonNode.Parse(work.Payload) is JsonObject payload
                && (string?)payload["team"] is { } team && (string?)payload["conversation"] is { } conversation
                && (string?)payload["map"] is { } map && (string?)payload["serviceUrl"] is { } serviceUrl)
            {
                return new ActionsTouched(new MapScope(team, conversation), map, serviceUrl, (string?)payload["tenant"]);
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

    /// <summary>
    /// When a pass due at <paramref name="wanted"/> is scheduled, as seen at <paramref name="now"/>: never
    /// within the hour of the pass running now, whose entry (named by the map and the hour) is the one being done.
    /// </summary>
    public static DateTimeOffset NextAfter(DateTimeOffset now, DateTimeOffset wanted)
    {
        var nextHour = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour + 1), TimeSpan.Zero);
        return wanted < nextHour ? nextHour : wanted;
    }
}
