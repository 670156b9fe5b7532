using System.Text.Json.Nodes;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Scheduling;

namespace JourneyBot.Conversation.StillTrue;

/// <summary>A map whose items are reviewed, where its team talks, and the review as it was set when the work was scheduled.</summary>
/// <param name="Scope">The team and the conversation the map belongs to.</param>
/// <param name="MapId">The map.</param>
/// <param name="ServiceUrl">The service the team is on (its members' 1:1 chats are started there).</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Review">The review as set then: a pass for a review set since, or turned off, does nothing.</param>
public sealed record ReviewTarget(MapScope Scope, string MapId, string ServiceUrl, string? TenantId, MapReview Review);

/// <summary>
/// A map's "Still true?" pass as durable scheduled work (<see cref="IDueWorkStore"/>): one entry per
/// map and review moment, whose payload holds ids, the service address and the review's setting,
/// never member text. Each pass schedules the next while the review is on and the map lives.
/// </summary>
/// <remarks>
/// Setting the review again or turning it off cancels nothing: the pass compares the review in its
/// payload with the map's and does nothing when they differ, so an old entry costs one read.
/// </remarks>
public static class ReviewWork
{
    /// <summary>The kind of a map's "Still true?" pass.</summary>
    public const string Kind = "map.review";

    /// <summary>The map's pass at <paramref name="at"/>.</summary>
    public static DueWork At(ReviewTarget target, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(target);
        var payload = new JsonObject
        {
            ["team"] = target.Scope.TeamKey,
            ["conversation"] = target.Scope.ConversationKey,
            ["map"] = target.MapId,
            ["serviceUrl"] = target.ServiceUrl,
            ["tenant"] = target.TenantId,
            ["days"] = target.Review.EveryDays,
            ["since"] = target.Review.Since.UtcTicks,
        };
        return new DueWork(string.Join('|', "review", target.Scope.TeamKey, target.MapId), Kind, at, payload.ToJsonString());
    }

    /// <summary>The map and review a pass is for; null when the payload is not one of ours.</summary>
    public static ReviewTarget? Read(DueWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            if (JsonNode.Parse(work.Payload) is JsonObject payload
                && (string?)payload["team"] is { } team && (string?)payload["conversation"] is { } conversation
                && (string?)payload["map"] is { } map && (string?)payload["serviceUrl"] is { } serviceUrl
                && (int?)payload["days"] is { } days and >= MapReview.MinDays and <= MapReview.MaxDays && (long?)payload["since"] is { } since)
            {
                return new ReviewTarget(new MapScope(team, conversation), map, serviceUrl, (string?)payload["tenant"],
                    new MapReview(days, new DateTimeOffset(since, TimeSpan.Zero)));
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not ours: the caller logs it and drops it.
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            // A value of the wrong type or out of range.
        }

        return null;
    }
}
