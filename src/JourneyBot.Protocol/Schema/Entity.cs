using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Protocol.Schema;

/// <summary>Metadata attached to an activity: a mention, Teams client info, and others.</summary>
public sealed class Entity
{
    /// <summary>The entity type used for mentions.</summary>
    public const string MentionType = "mention";

    /// <summary>The entity type, e.g. <see cref="MentionType"/> or <c>clientInfo</c>.</summary>
    public string? Type { get; set; }

    /// <summary>For a mention: who is mentioned.</summary>
    public ChannelAccount? Mentioned { get; set; }

    /// <summary>For a mention: the text of the mention in the message, e.g. <c>&lt;at&gt;JourneyBot&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }

    /// <summary>Fields not typed here (clientInfo's locale, platform, timezone …).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
