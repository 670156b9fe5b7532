namespace JourneyBot.Conversation.Flow;

/// <summary>What a turn tells of its member beyond what they said: their time zone.</summary>
internal static class MemberNotes
{
    /// <summary>
    /// <paramref name="member"/> with what <paramref name="turn"/> tells of them; the same instance
    /// when it tells nothing new, so callers write the row only when it changed.
    /// </summary>
    public static TeamMember Noting(this TeamMember member, UserTurn turn) =>
        turn.TimeZone is { } zone && !string.Equals(zone, member.TimeZone, StringComparison.Ordinal)
            ? member with { TimeZone = zone }
            : member;
}
