using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Conversation.Mapping;

/// <summary>Source-generated JSON for what is stored: the map document and items. Enums as names.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(JourneyMap))]
[JsonSerializable(typeof(MapItem))]
[JsonSerializable(typeof(AuthorCounts))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(PublishedMap))]
[JsonSerializable(typeof(Actions.OwnedAction))]
[JsonSerializable(typeof(Actions.ParkedOpportunity))]
[JsonSerializable(typeof(Actions.TeamTracker))]
[JsonSerializable(typeof(Stages.StageTemplate))]
public sealed partial class MapJson : JsonSerializerContext
{
    /// <summary>
    /// The context for storage: text is written as itself rather than as <c>\uXXXX</c> escapes,
    /// so a map in Greek or Romanian takes no more room than it must (table properties are
    /// limited to 64 KiB; characters beyond the basic plane, such as emoji, stay escaped). Never embed this JSON in HTML.
    /// </summary>
    /// <remarks>Created on first use: the generated <see cref="Default"/> lives in another part of this class, and
    /// static initialisers of different parts run in no defined order.</remarks>
    public static MapJson Storage => _storage ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static MapJson? _storage;
}
