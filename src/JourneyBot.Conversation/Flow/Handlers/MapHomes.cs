using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// A map belongs to one channel or chat of its team: the one it was started in, until its
/// facilitator moves it (<c>move</c>). Its <see cref="JourneyMap.ConversationKey"/> (and its shelf
/// line's <see cref="MapSummary.ConversationKey"/>) names the conversation it was last worked in;
/// every thread of that channel sees it, other channels (a private or shared one, whose members
/// differ) and chats neither list nor open it.
/// </summary>
/// <remarks>
/// A channel's threads share the channel's members, so the boundary is the channel, not the
/// thread: a facilitator who starts a new post to carry on still finds the map. Maps stored
/// before maps had a home carry the same key (where they were last worked on), so they belong to
/// that channel with no migration.
/// </remarks>
internal static class MapHomes
{
    // Teams names a channel thread "<channel id>;messageid=<root message id>".
    private const string ThreadSuffix = ";messageid=";

    /// <summary>The maps of <paramref name="scope"/>'s channel or chat, in the order given.</summary>
    public static List<MapSummary> Here(IEnumerable<MapSummary> maps, MapScope scope) =>
        [.. maps.Where(m => IsHere(m.ConversationKey, scope))];

    /// <summary>Whether a map last worked in <paramref name="conversationKey"/> belongs to <paramref name="scope"/>'s channel or chat.</summary>
    public static bool IsHere(string conversationKey, MapScope scope) =>
        string.Equals(HomeOf(conversationKey), HomeOf(scope.ConversationKey), StringComparison.Ordinal);

    /// <summary>The map <paramref name="summary"/> names, as stored now: in the conversation that holds it, or on its shelf line.</summary>
    public static async Task<JourneyMap?> ReadAsync(IMapStore store, string teamKey, MapSummary summary, CancellationToken cancellationToken) =>
        await store.GetLatestConversationMapAsync(new MapScope(teamKey, summary.ConversationKey), cancellationToken) is { } held
            && held.Map.Id == summary.Id
            ? held.Map
            : await store.GetShelvedMapAsync(teamKey, summary.Id, cancellationToken);

    private static string HomeOf(string conversationKey)
    {
        var thread = conversationKey.IndexOf(ThreadSuffix, StringComparison.Ordinal);
        return thread < 0 ? conversationKey : conversationKey[..thread];
    }
}
