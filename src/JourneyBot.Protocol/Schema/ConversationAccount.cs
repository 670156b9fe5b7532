using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Protocol.Schema;

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    /// <summary>An opaque id; in Teams it contains <c>:</c>, <c>;</c>, <c>@</c> and <c>=</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The conversation's display name, if any.</summary>
    public string? Name { get; set; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c> in Teams.</summary>
    public string? ConversationType { get; set; }

    /// <summary>Whether more than two parties take part.</summary>
    public bool? IsGroup { get; set; }

    /// <summary>The Entra tenant of the conversation.</summary>
    public string? TenantId { get; set; }

    /// <summary>Fields not typed here.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
