using System.Globalization;
using JourneyBot.Conversation.Languages;
using JourneyBot.Protocol.Schema;

namespace JourneyBot.Web.Bot;

/// <summary>
/// The language of what the host itself says about a turn, beside the conversation's answers (the
/// "Done" shown to a presser, "this card is out of date", the greeting, a gathered confirmation's
/// header, the apology): the one the turn is answered in, the team's else the member's Teams locale,
/// as <c>JourneyConversation.HandleAsync</c> chooses it, but never reading storage for it: these
/// texts are said where storage may have failed, or before anything was read.
/// </summary>
internal static class TurnLanguage
{
    /// <summary>The turn's language without reading storage: the team's as this instance keeps it (the turn just read it), else the activity's locale.</summary>
    public static CultureInfo Kept(TeamLanguages languages, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(activity);
        return languages.Kept(ActivityReader.ScopeOf(activity).TeamKey) ?? OfLocale(activity);
    }

    /// <summary>The language of the activity's member alone (their Teams locale; English when none): no storage read, for when storage may be what failed.</summary>
    public static CultureInfo OfLocale(Activity? activity) => BotLanguages.FromLocale(activity?.Locale) ?? BotLanguages.English;

    /// <summary><paramref name="text"/> made in <paramref name="language"/>.</summary>
    public static string Say(CultureInfo language, Func<string> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var scope = LanguageScope.Enter(language);
        return text();
    }
}
