using System.Globalization;

namespace JourneyBot.Conversation.Resources;

/// <summary>
/// Which plural form a number takes in a language: the CLDR category names
/// (<c>one</c>, <c>few</c>, <c>many</c>, <c>other</c>) the branches of a
/// <see cref="TextTemplate"/> plural are named by.
/// </summary>
/// <remarks>
/// English only for now: <c>one</c> for exactly 1, <c>other</c> for the rest. A language with other
/// rules adds its case here (Romanian: <c>few</c> for 0 and for 2–19 after the hundreds, as in
/// "20 de puncte"); a branch a language does not use falls back to <c>other</c>.
/// </remarks>
internal static class PluralRules
{
    /// <summary>The category of <paramref name="count"/> in <paramref name="language"/>.</summary>
    public static string Category(decimal count, CultureInfo language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return count == 1 ? "one" : "other";
    }
}
