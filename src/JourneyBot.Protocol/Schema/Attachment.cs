using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Protocol.Schema;

/// <summary>A card or file attached to an activity.</summary>
public sealed class Attachment
{
    /// <summary>The media type; Adaptive Cards use <see cref="AdaptiveCardContentType"/>.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The media type of <see cref="Content"/> or of the file at <see cref="ContentUrl"/>.</summary>
    public string? ContentType { get; set; }

    /// <summary>Where the content can be fetched.</summary>
    public string? ContentUrl { get; set; }

    /// <summary>The content itself, e.g. the card JSON.</summary>
    public JsonElement? Content { get; set; }

    /// <summary>A file name.</summary>
    public string? Name { get; set; }

    /// <summary>A thumbnail address.</summary>
    public string? ThumbnailUrl { get; set; }

    /// <summary>Fields not typed here.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Wraps Adaptive Card JSON as an attachment.</summary>
    public static Attachment AdaptiveCard(JsonElement card) =>
        new() { ContentType = AdaptiveCardContentType, Content = card };
}
