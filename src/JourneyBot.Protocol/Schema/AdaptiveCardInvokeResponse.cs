using System.Text.Json;

namespace JourneyBot.Protocol.Schema;

/// <summary>
/// The body that answers an <c>adaptiveCard/action</c> invoke (Universal Actions): a card that
/// replaces the one the user acted on, a message to show, or an error.
/// </summary>
/// <param name="StatusCode">200 when handled; 400/500 with an error value.</param>
/// <param name="Type">One of the <c>…ContentType</c> constants.</param>
/// <param name="Value">A card, a string, or an error object, depending on <paramref name="Type"/>.</param>
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonElement? Value)
{
    /// <summary>The value is an Adaptive Card that replaces the acted-on card.</summary>
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The value is a string the client shows to the user.</summary>
    public const string MessageContentType = "application/vnd.microsoft.activity.message";

    /// <summary>The value is an error object <c>{code, message}</c>.</summary>
    public const string ErrorContentType = "application/vnd.microsoft.error";

    /// <summary>Replace the card the user acted on with <paramref name="card"/>.</summary>
    public static AdaptiveCardInvokeResponse Card(JsonElement card) => new(200, CardContentType, card);

    /// <summary>Show <paramref name="text"/> to the user.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) =>
        new(200, MessageContentType, JsonSerializer.SerializeToElement(text, ProtocolJson.Default.String));
}
