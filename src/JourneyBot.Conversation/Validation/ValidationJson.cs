using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Conversation.Validation;

/// <summary>Source-generated JSON for what a validation store keeps; the same options as <see cref="Rounds.RoundJson"/>.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ValidationRound))]
[JsonSerializable(typeof(ValidationAsk))]
[JsonSerializable(typeof(EvidenceChange))]
[JsonSerializable(typeof(Contradiction))]
public sealed partial class ValidationJson : JsonSerializerContext
{
    /// <summary>The context for storage: text as itself rather than <c>\uXXXX</c> (table properties are limited in size). Never embed this JSON in HTML.</summary>
    public static ValidationJson Storage => _storage ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static ValidationJson? _storage;
}
