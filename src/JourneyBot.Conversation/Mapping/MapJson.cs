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
[JsonSerializable(typeof(List<string>))]
public sealed partial class MapJson : JsonSerializerContext;
