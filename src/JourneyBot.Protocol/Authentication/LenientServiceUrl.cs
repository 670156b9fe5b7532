using System.Text.Json;

namespace JourneyBot.Protocol.Authentication;

/// <summary>
/// Reads the top-level <c>serviceUrl</c> of a request body without the strict parse, so that the
/// token's <c>serviceurl</c> claim can be checked before anything else of the body can fail.
/// </summary>
/// <remarks>
/// Reads as far as the JSON stays readable and keeps the last <c>serviceUrl</c> seen, as the strict
/// parse does with repeated names. The strict check after parsing still runs: this one only makes a
/// token meant for another connector a 401 rather than a 400.
/// </remarks>
internal static class LenientServiceUrl
{
    public static string? Read(ReadOnlySpan<byte> body)
    {
        string? found = null;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // The strict parse matches names case-insensitively (ProtocolJson); so does this.
                var isServiceUrl = string.Equals(reader.GetString(), "serviceUrl", StringComparison.OrdinalIgnoreCase);
                if (!reader.Read())
                {
                    break;
                }

                if (isServiceUrl)
                {
                    found = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Unreadable from here on: what was read so far stands.
        }

        return found;
    }
}
