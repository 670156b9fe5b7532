using System.Globalization;

namespace JourneyBot.Web.Tests.HostileInput;

/// <summary>
/// Characters that can forge or hide a log line: controls (CR, LF, ESC and the rest of C0/C1),
/// format characters (bidi overrides such as U+202E, zero-width ones) and the Unicode line and
/// paragraph separators. The tests' own definition, independent of the bot's.
/// </summary>
internal static class Unprintable
{
    public static bool In(string text) => text.Any(c => char.GetUnicodeCategory(c) is UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
}
