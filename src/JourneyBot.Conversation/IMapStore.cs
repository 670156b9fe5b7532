using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation;

/// <summary>
/// Where maps live. Each conversation holds at most one map (active, or just finished); the team
/// keeps a shelf of all its maps; items and votes are stored one per row so that members never
/// overwrite each other.
/// </summary>
/// <remarks>
/// Writes that can race (the conversation's map) are optimistic: they carry the version read and
/// return false when someone else wrote first, so the caller reloads and tries again.
/// </remarks>
public interface IMapStore
{
    /// <summary>
    /// The map held by the conversation, or null when it has none. It may be a copy this instance
    /// read or wrote a few seconds ago (<see cref="StoredMap.IsRecentCopy"/>).
    /// </summary>
    Task<StoredMap?> GetConversationMapAsync(MapScope scope, CancellationToken cancellationToken);

    /// <summary>The map held by the conversation as storage holds it now, or null when it has none.</summary>
    Task<StoredMap?> GetLatestConversationMapAsync(MapScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the conversation's map, and its line on the team's shelf, in one transaction, unless
    /// it changed since <paramref name="map"/> was read. Returns the new version, or null on a conflict.
    /// </summary>
    Task<string?> TrySaveAsync(MapScope scope, StoredMap map, CancellationToken cancellationToken);

    /// <summary>
    /// Puts <paramref name="map"/> into the conversation, in one transaction. The map the
    /// conversation held (<paramref name="replacing"/>, as read) goes onto the team's shelf with
    /// its current status; <paramref name="map"/> comes off the shelf if it was there. Returns the
    /// new version, or null when the conversation changed meanwhile (or, with no
    /// <paramref name="replacing"/>, when it already holds a map).
    /// </summary>
    Task<string?> TryPlaceAsync(MapScope scope, JourneyMap map, StoredMap? replacing, CancellationToken cancellationToken);

    /// <summary>A map on the team's shelf (not held by a conversation), or null.</summary>
    Task<JourneyMap?> GetShelvedMapAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>All the team's maps, newest first.</summary>
    Task<IReadOnlyList<MapSummary>> ListMapsAsync(string teamKey, CancellationToken cancellationToken);

    /// <summary>Adds an item; false when an item with its id exists already (a redelivered activity).</summary>
    Task<bool> TryAddItemAsync(string teamKey, string mapId, MapItem item, CancellationToken cancellationToken);

    /// <summary>Adds or replaces an item (an emotion given again, an edit).</summary>
    Task PutItemAsync(string teamKey, string mapId, MapItem item, CancellationToken cancellationToken);

    /// <summary>Removes an item; false when it was not there.</summary>
    Task<bool> RemoveItemAsync(string teamKey, string mapId, string itemId, CancellationToken cancellationToken);

    /// <summary>All items and votes of a map.</summary>
    Task<MapBoard> GetBoardAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>Replaces a member's votes in a map.</summary>
    Task SetVotesAsync(string teamKey, string mapId, string personId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken);

    /// <summary>
    /// Removes every row of the map in its team's store: the hold of the conversation that holds it
    /// (only while it still holds this map), its items and votes, and its shelf line last, so that a
    /// removal cut short is finished by the next one. False when the team has no such map.
    /// </summary>
    /// <remarks>Rounds and scheduled work are removed apart, first (see <c>MapDeletion</c>).</remarks>
    Task<bool> DeleteMapAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> finished maps (published, archived or cancelled), of any team,
    /// whose shelf line was last stamped (<see cref="MapSummary.UpdatedAt"/>) before
    /// <paramref name="before"/>: what a retention pass removes. Active maps are never listed: their
    /// items land without stamping the line, so an old stamp does not say nobody works on them.
    /// </summary>
    Task<IReadOnlyList<TeamMap>> ListFinishedBeforeAsync(DateTimeOffset before, int max, CancellationToken cancellationToken);

    /// <summary>What the team knows of a member (department, 1:1 chat, time zone, mute), or null for someone new.</summary>
    Task<TeamMember?> GetMemberAsync(string teamKey, string personId, CancellationToken cancellationToken);

    /// <summary>Remembers what the team knows of a member. One row per member, so members never contend.</summary>
    Task PutMemberAsync(string teamKey, string personId, TeamMember member, CancellationToken cancellationToken);
}

/// <summary>A map of a team, by ids.</summary>
/// <param name="TeamKey">The team.</param>
/// <param name="MapId">The map.</param>
public sealed record TeamMap(string TeamKey, string MapId);

/// <summary>What a team knows of one member.</summary>
/// <param name="Department">Their department, once they said it.</param>
/// <param name="AskedForDepartment">Whether the bot asked them already (it asks once).</param>
/// <remarks>
/// The row is written whole (replaced), so whoever changes one field starts from the row as read
/// (<c>member with { … }</c>) and keeps the others.
/// </remarks>
public sealed record TeamMember(string? Department, bool AskedForDepartment)
{
    /// <summary>Someone the team knows nothing of yet.</summary>
    public static TeamMember New { get; } = new(null, AskedForDepartment: false);

    /// <summary>The member's 1:1 chat with the bot, once the bot created it or the member opened it; null until then.</summary>
    public PersonalChat? Chat { get; init; }

    /// <summary>The member's time zone as Teams sends it (IANA, e.g. <c>Europe/Bucharest</c>); null while unknown.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Whether the member typed <c>mute</c> (until <c>unmute</c>): the bot sends them no reminders.</summary>
    public bool Muted { get; init; }
}

/// <summary>A member's 1:1 conversation with the bot, enough to send into it outside any turn.</summary>
/// <param name="ServiceUrl">The connector that hosts the conversation.</param>
/// <param name="ConversationId">The conversation's id.</param>
public sealed record PersonalChat(string ServiceUrl, string ConversationId);

/// <summary>A map's items and its members' votes.</summary>
/// <param name="Items">Every item, oldest first.</param>
/// <param name="Votes">Per member id, the item ids they voted for.</param>
public sealed record MapBoard(IReadOnlyList<MapItem> Items, IReadOnlyDictionary<string, IReadOnlyList<string>> Votes)
{
    /// <summary>An empty board.</summary>
    public static MapBoard Empty { get; } = new([], new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>Votes per item id.</summary>
    public IReadOnlyDictionary<string, int> Tally() =>
        Votes.Values.SelectMany(v => v).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
}
