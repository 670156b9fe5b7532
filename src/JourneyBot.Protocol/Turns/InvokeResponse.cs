using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using JourneyBot.Protocol.Schema;

namespace JourneyBot.Protocol.Turns;

/// <summary>
/// The answer to an <c>invoke</c> activity. It is written as the HTTP status and a JSON body,
/// never as a <c>{status, body}</c> object (that shape is internal to the Bot Framework SDK).
/// </summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The JSON body, or null for none.</param>
public sealed record InvokeResponse(int Status, JsonElement? Body)
{
    /// <summary>An answer with a typed body serialized by source-generated metadata.</summary>
    public static InvokeResponse Create<T>(int status, T body, JsonTypeInfo<T> typeInfo) =>
        new(status, JsonSerializer.SerializeToElement(body, typeInfo));

    /// <summary>The answer to an <c>adaptiveCard/action</c> invoke: HTTP 200 with the invoke body.</summary>
    public static InvokeResponse AdaptiveCard(AdaptiveCardInvokeResponse body) =>
        Create(200, body, ProtocolJson.Default.AdaptiveCardInvokeResponse);
}
