using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Conversation.Rounds;

/// <summary>
/// Source-generated JSON for what a round store keeps: rounds, asks and the team's departments.
/// The same options as <see cref="Mapping.MapJson"/> (camelCase, nulls left out, enums as names).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Round))]
[JsonSerializable(typeof(RoundAsk))]
[JsonSerializable(typeof(List<string>))]
public sealed partial class RoundJson : JsonSerializerContext
{
    /// <summary>
    /// The context for storage: text as itself rather than <c>\uXXXX</c>, so names in any script
    /// take no more room than they must (table properties are limited in size). Never embed this
    /// JSON in HTML.
    /// </summary>
    /// <remarks>Created on first use, as <see cref="Mapping.MapJson.Storage"/> is, for the same reason.</remarks>
    public static RoundJson Storage => _storage ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static RoundJson? _storage;
}
