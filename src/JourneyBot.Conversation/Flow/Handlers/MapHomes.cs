using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// A map belongs to one conversation of its team: the one it was started in, until its facilitator
/// moves it (<c>move</c>). Its <see cref="JourneyMap.ConversationKey"/> (and its shelf line's
/// <see cref="MapSummary.ConversationKey"/>) names that conversation; other conversations of the
/// team (a private or shared channel, a chat) neither list nor open it.
/// </summary>
/// <remarks>
/// Maps stored before maps had a home carry the same key (where they were last worked on), so
/// they belong to that conversation with no migration.
/// </remarks>
internal static class MapHomes
{
    /// <summary>The maps of <paramref name="scope"/>'s conversation, in the order given.</summary>
    public static List<MapSummary> Here(IEnumerable<MapSummary> maps, MapScope scope) =>
        [.. maps.Where(m => string.Equals(m.ConversationKey, scope.ConversationKey, StringComparison.Ordinal))];
}
