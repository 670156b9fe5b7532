using System.Globalization;

namespace JourneyBot.Conversation.Languages;

/// <summary>
/// The language of what goes to one member alone, outside their own turns (their round and
/// validation questions, reminders, the owner's card, "Still true?"): the language of their Teams
/// as their member rows remember it (<see cref="TeamMember.Language"/>), else the one being spoken
/// where the card is made (the team's; see <see cref="TeamLanguages.LanguageOfAsync"/>).
/// </summary>
/// <remarks>
/// Channel posts keep the team's language: only cards for one member's 1:1 chat enter theirs, and
/// only while each is made (<c>using (MemberLanguage.Speak(code)) { … }</c>), so the next member's or
/// the channel's texts are not made in it.
/// </remarks>
public static class MemberLanguage
{
    /// <summary>The language a remembered code names (<c>es</c>, <c>ro</c>, <c>en</c>), else the one spoken now.</summary>
    public static CultureInfo Of(string? code) => BotLanguages.FromCode(code) ?? BotLanguages.Of(CultureInfo.CurrentUICulture);

    /// <summary>The member's code as their rows remember it: the team's row, else the row of their 1:1 chat's own scope; null while unknown.</summary>
    public static string? CodeOf(TeamMember? row, TeamMember? personal = null) => row?.Language ?? personal?.Language;

    /// <summary>Each member's remembered code by their id (the first listing of a member counts), for a round's cards.</summary>
    public static IReadOnlyDictionary<string, string?> ByMember(IEnumerable<Rounds.RosterMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var codes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            codes.TryAdd(member.Person.Id, member.Language);
        }

        return codes;
    }

    /// <summary>Speaks the language <paramref name="code"/> names (else the one spoken now) until disposed; the typed words of the turn stay accepted.</summary>
    public static LanguageScope Speak(string? code) => LanguageScope.Enter(Of(code), TypedLanguages.Current);
}
