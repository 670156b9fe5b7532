using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyBot.Conversation.Scheduling;

namespace JourneyBot.Web.Scheduling;

/// <summary>The team a piece of due work is for: every kind's payload names it as <c>team</c>.</summary>
internal static class DueWorkTeams
{
    /// <summary>The team key in <paramref name="work"/>'s payload, or null when it names none (its handler then speaks English).</summary>
    public static string? Of(DueWork work)
    {
        try
        {
            return JsonNode.Parse(work.Payload) is JsonObject payload && payload["team"] is JsonValue team && team.TryGetValue<string>(out var key)
                ? key
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
