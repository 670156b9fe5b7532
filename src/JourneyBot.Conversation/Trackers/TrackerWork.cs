using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using JourneyBot.Conversation.Scheduling;

namespace JourneyBot.Conversation.Trackers;

/// <summary>
/// The read-back of a map's tracker tasks as durable scheduled work: one entry per map, due once
/// an hour while any of its tracked actions is open. Scheduled when a task is first sent, and by
/// the pass itself for the next hour.
/// </summary>
/// <remarks>
/// An entry is named by its id within its hour, so each map's pass falls at the same minute of
/// every hour (spread over the hour by the map): sending many tasks in one hour keeps one entry.
/// </remarks>
public sealed class TrackerWork(IDueWorkStore schedule)
{
    /// <summary>The kind of a map's tracker read-back.</summary>
    public const string Kind = "actions-tracker-sync";

    /// <summary>Schedules the map's next pass, in the hour after <paramref name="now"/>.</summary>
    public Task ScheduleAsync(TrackerSyncPlace place, DateTimeOffset now, CancellationToken cancellationToken) =>
        schedule.ScheduleAsync(For(place, now), cancellationToken);

    /// <summary>The map's pass in the hour after <paramref name="now"/>.</summary>
    public static DueWork For(TrackerSyncPlace place, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(place);
        var named = SHA256.HashData(Encoding.UTF8.GetBytes(place.TeamKey + "|" + place.MapId));
        var hour = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour + 1), TimeSpan.Zero);
        var at = hour.AddMinutes(named[0] % 60);
        var payload = new JsonObject
        {
            ["team"] = place.TeamKey,
            ["map"] = place.MapId,
            ["conversation"] = place.ConversationKey,
            ["serviceUrl"] = place.ServiceUrl,
            ["tenant"] = place.TenantId,
            ["told"] = place.ToldOfPermission,
        };
        // The id is logged where work fails: a hash, not the team's or map's ids.
        return new DueWork("tracker-sync|" + Convert.ToHexStringLower(named.AsSpan(0, 16)), Kind, at, payload.ToJsonString());
    }

    /// <summary>The map a pass is about; null when the payload is not one of ours.</summary>
    public static TrackerSyncPlace? Read(DueWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return JsonNode.Parse(work.Payload) is JsonObject payload
                && (string?)payload["team"] is { } team && (string?)payload["map"] is { } map
                && (string?)payload["conversation"] is { } conversation && (string?)payload["serviceUrl"] is { } serviceUrl
                    ? new TrackerSyncPlace(team, map, conversation, serviceUrl, (string?)payload["tenant"]) { ToldOfPermission = (bool?)payload["told"] ?? false }
                    : null;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            // Not ours, or a value of the wrong type: the caller logs it and drops it.
            return null;
        }
    }
}

/// <summary>A map whose tracker tasks are read back, and where its team is told when that needs an admin.</summary>
/// <param name="TeamKey">The map's team.</param>
/// <param name="MapId">The map.</param>
/// <param name="ConversationKey">The map's channel thread or chat, where a missing permission is told.</param>
/// <param name="ServiceUrl">The service that conversation is on.</param>
/// <param name="TenantId">The tenant whose Graph holds the tasks.</param>
public sealed record TrackerSyncPlace(string TeamKey, string MapId, string ConversationKey, string ServiceUrl, string? TenantId)
{
    /// <summary>Whether the facilitator was told of a missing permission already, so that an hourly pass tells it once.</summary>
    public bool ToldOfPermission { get; init; }
}
