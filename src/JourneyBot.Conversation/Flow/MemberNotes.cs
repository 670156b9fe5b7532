namespace JourneyBot.Conversation.Flow;

/// <summary>What a turn tells of its member beyond what they said: their time zone and language.</summary>
internal static class MemberNotes
{
    /// <summary>
    /// <paramref name="member"/> with what <paramref name="turn"/> tells of them; the same instance
    /// when it tells nothing new, so callers write the row only when it changed.
    /// </summary>
    public static TeamMember Noting(this TeamMember member, UserTurn turn)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(turn);
        var noted = turn.TimeZone is { } zone && !string.Equals(zone, member.TimeZone, StringComparison.Ordinal)
            ? member with { TimeZone = zone }
            : member;

        // The language cards sent to them outside their own turns are written in (see Languages.BotLanguages).
        return Languages.BotLanguages.FromLocale(turn.Locale) is { } language
            && !string.Equals(language.TwoLetterISOLanguageName, noted.Language, StringComparison.Ordinal)
                ? noted with { Language = language.TwoLetterISOLanguageName }
                : noted;
    }

    /// <summary>
    /// The fields <see cref="Noting"/> takes from <paramref name="turn"/>: the ones to write with it. The
    /// others are left to their own writers, so a copy read before theirs never writes them back.
    /// </summary>
    public static MemberFields Told(UserTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return (turn.TimeZone is null ? MemberFields.None : MemberFields.TimeZone)
            | (Languages.BotLanguages.FromLocale(turn.Locale) is null ? MemberFields.None : MemberFields.Language);
    }
}
