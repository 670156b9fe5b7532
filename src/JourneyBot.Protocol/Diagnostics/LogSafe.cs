using System.Globalization;

namespace JourneyBot.Protocol.Diagnostics;

/// <summary>
/// Makes a value taken from a request fit for a log line: printable and bounded. A CR/LF, an ANSI
/// escape, a bidi override or a line separator in a logged value could forge or hide log lines,
/// and a huge value would flood them.
/// </summary>
internal static class LogSafe
{
    /// <summary>The longest value logged as it is; the same bound the edge puts on ids.</summary>
    public const int MaxLength = 1024;

    /// <summary>
    /// Controls (C0, C1: CR, LF, ESC…), format characters (bidi overrides, zero-width ones) and the
    /// line and paragraph separators. (A lone surrogate never gets this far: the edge refuses it.)
    /// </summary>
    public static bool IsUnprintable(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>Whether <paramref name="value"/> holds a character <see cref="IsUnprintable"/>.</summary>
    public static bool HasUnprintable(string value)
    {
        foreach (var c in value)
        {
            if (IsUnprintable(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="value"/> with each unprintable character replaced by U+FFFD and cut to
    /// <see cref="MaxLength"/> characters (then ending in "…"); null stays null.
    /// </summary>
    public static string? Text(string? value)
    {
        if (value is null || (value.Length <= MaxLength && !HasUnprintable(value)))
        {
            return value;
        }

        var kept = value.Length <= MaxLength ? value : value[..MaxLength];
        var chars = kept.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (IsUnprintable(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return kept.Length < value.Length ? new string(chars) + "…" : new string(chars);
    }
}
