using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace JourneyBot.Storage;

/// <summary>
/// Turns an id from Teams (a team, conversation, person, map or item id) into a segment of a table
/// key: readable where it can be, hashed where it must be.
/// </summary>
/// <remarks>
/// Table keys forbid <c>/ \ # ?</c> and the control characters U+0000–U+001F and U+007F–U+009F,
/// and hold at most 1 KiB. Those characters, <c>%</c> and our separator <c>~</c> are written
/// <c>%XX</c>, so an encoded segment never contains <c>~</c> and <see cref="Decode"/> gives the id
/// back. An id whose encoding is longer than <see cref="MaxReadableLength"/> bytes of UTF-8 (so
/// that a row key of two segments stays under 1 KiB however the service counts), or that
/// is not well-formed UTF-16 (a lone surrogate cannot travel in a URL), becomes <c>h~</c> and the
/// base64url SHA-256 of its UTF-16 code units: its rows store the id itself in a property.
/// </remarks>
internal static class KeyEncoder
{
    /// <summary>The longest readable segment, in bytes of UTF-8; a row key joins up to two of them.</summary>
    public const int MaxReadableLength = 250;

    /// <summary>What starts a hashed segment.</summary>
    public const string HashMarker = "h~";

    /// <summary>The separator between the segments of a row key.</summary>
    public const char Separator = '~';

    /// <summary>The segment for <paramref name="id"/>.</summary>
    public static string Encode(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var encoded = new StringBuilder(id.Length);
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
            {
                encoded.Append(c).Append(id[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                return Hash(id);
            }
            else if (MustEscape(c))
            {
                encoded.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                encoded.Append(c);
            }

            if (encoded.Length > MaxReadableLength)
            {
                return Hash(id);
            }
        }

        var readable = encoded.ToString();
        if (Encoding.UTF8.GetByteCount(readable) > MaxReadableLength)
        {
            return Hash(id);
        }

        // A segment reading just "h" would be a prefix of every hashed segment ("h~…"), so the
        // range of its rows would take in theirs: spell it %68 and "h~" always means a hash.
        return readable == "h" ? "%68" : readable;
    }

    /// <summary>The id a readable segment stands for, or null for a hashed one.</summary>
    public static string? Decode(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.StartsWith(HashMarker, StringComparison.Ordinal))
        {
            return null;
        }

        var id = new StringBuilder(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '%')
            {
                id.Append((char)int.Parse(segment.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                id.Append(segment[i]);
            }
        }

        return id.ToString();
    }

    private static bool MustEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '%' or Separator or <= '\u001F' or (>= '\u007F' and <= '\u009F');

    private static string Hash(string id)
    {
        return HashMarker + Base64Url.EncodeToString(SHA256.HashData(MemoryMarshal.AsBytes(id.AsSpan())));
    }
}
