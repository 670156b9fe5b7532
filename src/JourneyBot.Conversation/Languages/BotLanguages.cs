using System.Globalization;

namespace JourneyBot.Conversation.Languages;

/// <summary>
/// The languages the bot speaks (English, Spanish, Romanian) and how a Teams locale or a typed word
/// names one: <c>es-*</c> → Spanish, <c>ro-*</c> → Romanian, anything else → English.
/// </summary>
public static class BotLanguages
{
    /// <summary>English, the texts' own language (Strings.resx).</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    /// <summary>Spanish (Strings.es.resx; es-ES, es-MX… read it by parent fallback).</summary>
    public static CultureInfo Spanish { get; } = CultureInfo.GetCultureInfo("es");

    /// <summary>Romanian (Strings.ro.resx).</summary>
    public static CultureInfo Romanian { get; } = CultureInfo.GetCultureInfo("ro");

    /// <summary>The bot's language of a Teams locale (<c>es-MX</c> → Spanish); null when there is no usable locale.</summary>
    public static CultureInfo? FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale) || locale.Length > 35)
        {
            return null;
        }

        var language = locale.Trim().Split('-', '_')[0];
        return language.Equals("es", StringComparison.OrdinalIgnoreCase) ? Spanish
            : language.Equals("ro", StringComparison.OrdinalIgnoreCase) ? Romanian
            : English;
    }

    /// <summary>The bot's language of a culture: Spanish or Romanian by its language, else English (the invariant culture too).</summary>
    public static CultureInfo Of(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName switch
        {
            "es" => Spanish,
            "ro" => Romanian,
            _ => English,
        };
    }

    /// <summary>The language a stored code names (<c>es</c>, <c>ro</c>, <c>en</c>); null for anything else.</summary>
    public static CultureInfo? FromCode(string? code) => code switch
    {
        "es" => Spanish,
        "ro" => Romanian,
        "en" => English,
        _ => null,
    };

    /// <summary>
    /// The language a member names after <c>language</c>: its code, its own name or its English name,
    /// diacritics optional (<c>es</c>, <c>español</c>, <c>espanol</c>, <c>Spanish</c>; <c>română</c>, <c>romana</c>); null when none.
    /// </summary>
    public static CultureInfo? FromWord(string? word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return null;
        }

        var folded = Flow.CommandWords.Fold(word.Trim());
        return new[] { English, Spanish, Romanian }.FirstOrDefault(l =>
            folded == l.TwoLetterISOLanguageName
            || folded == Flow.CommandWords.Fold(l.NativeName)
            || folded == Flow.CommandWords.Fold(l.EnglishName));
    }

    /// <summary>Whether <paramref name="culture"/> is English or the invariant culture (both read Strings.resx).</summary>
    public static bool IsEnglish(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName is "en" or "iv";
    }
}
