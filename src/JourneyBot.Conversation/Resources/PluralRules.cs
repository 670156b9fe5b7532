using System.Globalization;

namespace JourneyBot.Conversation.Resources;

/// <summary>
/// Which plural form a number takes in a language: the CLDR category names
/// (<c>one</c>, <c>few</c>, <c>many</c>, <c>other</c>) the branches of a
/// <see cref="TextTemplate"/> plural are named by.
/// </summary>
/// <remarks>
/// The rules are CLDR's cardinal rules for the bot's languages, where <c>n</c> is the number,
/// <c>i</c> its integer digits and <c>v</c> how many fraction digits it shows (a decimal keeps its
/// scale: <c>1.0m</c> shows one): English <c>one</c> when i = 1 and v = 0; Spanish <c>one</c> when
/// n = 1 (so 1.0 too); Romanian <c>one</c> when i = 1 and v = 0, <c>few</c> when v ≠ 0, n = 0, or
/// n ≠ 1 and n % 100 is 1–19 ("2 puncte", "101 puncte"), else <c>other</c> ("20 de puncte").
/// Any other language is read as English. A branch a text does not have falls back to <c>other</c>.
/// </remarks>
internal static class PluralRules
{
    /// <summary>The category of <paramref name="count"/> in <paramref name="language"/>.</summary>
    public static string Category(decimal count, CultureInfo language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var n = Math.Abs(count);
        var integer = decimal.Truncate(n);
        var fractionDigits = n.Scale;
        return language.TwoLetterISOLanguageName switch
        {
            "es" => n == 1 ? "one" : "other",
            "ro" => Romanian(n, integer, fractionDigits),
            _ => integer == 1 && fractionDigits == 0 ? "one" : "other",
        };
    }

    private static string Romanian(decimal n, decimal integer, int fractionDigits)
    {
        if (integer == 1 && fractionDigits == 0)
        {
            return "one";
        }

        var lastTwo = n % 100;
        return fractionDigits != 0 || n == 0 || (n != 1 && lastTwo == decimal.Truncate(lastTwo) && lastTwo is >= 1 and <= 19) ? "few" : "other";
    }
}
