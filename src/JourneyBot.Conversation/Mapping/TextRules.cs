using System.Text;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Mapping;

/// <summary>What member text may be: printable, trimmed, and not too long for a card.</summary>
internal static class TextRules
{
    /// <summary>Map names.</summary>
    public const int NameMax = 80;

    /// <summary>Objective, persona, start and end points.</summary>
    public const int AnswerMax = 500;

    /// <summary>Items.</summary>
    public const int ItemMax = 500;

    /// <summary>Department and stage names.</summary>
    public const int ShortMax = 60;

    /// <summary>
    /// The text with control characters and direction marks removed and white space folded; a problem to tell the
    /// member when it is empty or longer than <paramref name="max"/>.
    /// </summary>
    public static string Clean(string? text, int max, string what, out string? problem)
    {
        var clean = new StringBuilder(text?.Length ?? 0);
        var space = false;
        foreach (var c in text ?? string.Empty)
        {
            if (IsDirectionControl(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = clean.Length > 0;
                continue;
            }

            if (space)
            {
                clean.Append(' ');
                space = false;
            }

            clean.Append(c);
        }

        var result = clean.ToString();
        var length = new StringInfoLength(result).Value;
        problem = result.Length == 0
            ? Strings.TextEmpty.Fill(("what", what))
            : length > max
                ? Strings.TextTooLong.Fill(("what", what), ("length", length), ("max", max))
                : null;
        return result;
    }

    /// <summary>
    /// <paramref name="text"/> cut to <paramref name="chars"/> visible characters with an ellipsis,
    /// never inside an emoji or an accented letter.
    /// </summary>
    public static string Shorten(string text, int chars)
    {
        ArgumentNullException.ThrowIfNull(text);
        var info = new System.Globalization.StringInfo(text);
        return info.LengthInTextElements <= chars ? text : info.SubstringByTextElements(0, Math.Max(chars - 1, 1)).TrimEnd() + "…";
    }

    // Invisible marks that reorder how text shows (embeddings and overrides U+202A–U+202E, isolates
    // U+2066–U+2069, the left-to-right, right-to-left and Arabic letter marks): "invoice\u202Efdp.exe"
    // reads as "invoiceexe.pdf". Right-to-left letters need none of them to show right.
    private static bool IsDirectionControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    // Counts what people see as characters (an emoji is one), not UTF-16 units.
    private readonly record struct StringInfoLength(string Text)
    {
        public int Value => new System.Globalization.StringInfo(Text).LengthInTextElements;
    }
}
