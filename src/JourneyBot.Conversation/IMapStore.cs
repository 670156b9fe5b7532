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
    /// <paramref name="replacing"/>, when it already holds a map). For a new map or the one the
    /// conversation holds: a map on the shelf or in another conversation comes with <see cref="TryTakeAsync"/>,
    /// which checks that nobody took it first.
    /// </summary>
    Task<string?> TryPlaceAsync(MapScope scope, JourneyMap map, StoredMap? replacing, CancellationToken cancellationToken);

    /// <summary>A map on the team's shelf (not held by a conversation), or null.</summary>
    Task<JourneyMap?> GetShelvedMapAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>
    /// A map on the team's shelf with the version of its shelf line, to take it with
    /// <see cref="TryTakeAsync"/>; null when a conversation holds it or there is no such map.
    /// </summary>
    Task<StoredMap?> GetShelvedAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a map this conversation does not hold into it, in one transaction, unless it moved
    /// meanwhile: from the team's shelf (<paramref name="heldBy"/> null, and <paramref name="map"/>
    /// as <see cref="GetShelvedAsync"/> read it, with its shelf line's version), or out of the
    /// conversation <paramref name="heldBy"/> of the same team (<paramref name="map"/> as read there,
    /// with that conversation's version), which is left holding no map. <paramref name="replacing"/>
    /// goes onto the shelf as with <see cref="TryPlaceAsync"/>. Of any number of callers taking one
    /// map from where it was, one wins. Returns this conversation's new version, or null when the
    /// map or this conversation changed meanwhile.
    /// </summary>
    Task<string?> TryTakeAsync(MapScope scope, StoredMap map, MapScope? heldBy, StoredMap? replacing, CancellationToken cancellationToken);

    /// <summary>All the team's maps, newest first.</summary>
    Task<IReadOnlyList<MapSummary>> ListMapsAsync(string teamKey, CancellationToken cancellationToken);

    /// <summary>Adds an item; false when an item with its id exists already (a redelivered activity).</summary>
    Task<bool> TryAddItemAsync(string teamKey, string mapId, MapItem item, CancellationToken cancellationToken);

    /// <summary>Adds or replaces an item (an emotion given again, an edit).</summary>
    Task PutItemAsync(string teamKey, string mapId, MapItem item, CancellationToken cancellationToken);

    /// <summary>
    /// One item of the map as stored now (with the department it was added under), or null when it is
    /// not there: what a write that changes a few fields of the item starts from, so that it keeps
    /// what others wrote to the item since the board was read.
    /// </summary>
    Task<MapItem?> GetItemAsync(string teamKey, string mapId, string itemId, CancellationToken cancellationToken);

    /// <summary>Removes an item; false when it was not there.</summary>
    Task<bool> RemoveItemAsync(string teamKey, string mapId, string itemId, CancellationToken cancellationToken);

    /// <summary>
    /// All items and votes of a map. Each item shows its author's department as the team knows it
    /// now (<see cref="TeamMember.Department"/> on the member's row), else the one it was added under:
    /// a department is stored once, on the member, so changing it rewrites no item.
    /// </summary>
    Task<MapBoard> GetBoardAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>
    /// How many items the map holds, in all and per author id, to hold it to <see cref="MapLimits"/>.
    /// It may be a few seconds old, so a map written by many at once can end a few items over a
    /// limit; a count never blocks a write, so no item is ever lost to it.
    /// </summary>
    Task<ItemTally> CountItemsAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>
    /// What status and the progress card show of the map's items (<see cref="MapCounts"/>), read
    /// without its items: the counts are kept per author as items are written, so reading them costs
    /// the same for 10 items as for 2,000. Each author shows their department as the team knows it now,
    /// as on <see cref="GetBoardAsync"/>.
    /// </summary>
    Task<MapCounts> GetCountsAsync(string teamKey, string mapId, CancellationToken cancellationToken);

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

    /// <summary>The map's line on the team's shelf (name, status, conversation), or null when the team has no such map.</summary>
    Task<MapSummary?> GetMapSummaryAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps what was published as version <paramref name="version"/> of the map, replacing what an
    /// unfinished publish may have left under that number. Written before the map names the version,
    /// so a version the map names is always complete.
    /// </summary>
    Task PutPublishedAsync(string teamKey, string mapId, int version, PublishedMap published, CancellationToken cancellationToken);

    /// <summary>Version <paramref name="version"/> of the map as it was published, or null when there is none.</summary>
    Task<PublishedMap?> GetPublishedAsync(string teamKey, string mapId, int version, CancellationToken cancellationToken);

    /// <summary>
    /// The map's published versions kept whole (complete ones, oldest first, without their maps and
    /// boards) and the summary of those let go (<see cref="SummarisePublishedAsync"/>).
    /// </summary>
    Task<Versions.PublishedVersions> ListPublishedAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>
    /// Lets versions 1 to <see cref="Versions.SummarisedVersions.Through"/> go whole, keeping
    /// <paramref name="summary"/> in their place: the summary is written first, so a removal cut short
    /// leaves versions that are summarised already, which the next call removes.
    /// </summary>
    Task SummarisePublishedAsync(string teamKey, string mapId, Versions.SummarisedVersions summary, CancellationToken cancellationToken);

    /// <summary>What the team knows of a member (department, 1:1 chat, time zone, mute), or null for someone new.</summary>
    Task<TeamMember?> GetMemberAsync(string teamKey, string personId, CancellationToken cancellationToken);

    /// <summary>Remembers what the team knows of a member, all of it: the row becomes <paramref name="member"/>. One row per member, so members never contend.</summary>
    Task PutMemberAsync(string teamKey, string personId, TeamMember member, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the <paramref name="fields"/> of a member's row to <paramref name="member"/>'s values and keeps
    /// the others as stored (a row that is not there yet is made): writers of different fields, from one
    /// read copy or two instances, keep each other's. One write, no read.
    /// </summary>
    Task PutMemberAsync(string teamKey, string personId, TeamMember member, MemberFields fields, CancellationToken cancellationToken);
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

    /// <summary>
    /// The maps (their ids, the latest few) where the member was asked once how they know an item they
    /// typed without saying, in a thread with a progress card: there they are not asked again for that map
    /// (see <see cref="Flow.EvidenceQuestions"/>). Empty for rows written before.
    /// </summary>
    public IReadOnlyList<string> EvidenceAskedOn { get; init; } = [];
    /// <summary>The bot's language of the member's Teams locale as last seen (<c>en</c>, <c>es</c>, <c>ro</c>); null while unknown.</summary>
    public string? Language { get; init; }
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

    /// <summary>
    /// The board with each item showing its author's department from <paramref name="departments"/>
    /// (per member id) where the team knows one; other items keep the department they were added
    /// under (an anonymous author, whose id names no member, or a member with no row).
    /// </summary>
    public MapBoard WithDepartments(IReadOnlyDictionary<string, string> departments)
    {
        ArgumentNullException.ThrowIfNull(departments);
        return departments.Count == 0
            ? this
            : this with
            {
                Items = [.. Items.Select(i => departments.TryGetValue(i.Author.Id, out var now) && now != i.AuthorDepartment ? i with { AuthorDepartment = now } : i)],
            };
    }
}

/// <summary>How many items a map holds.</summary>
/// <param name="Items">In all.</param>
/// <param name="ByAuthor">Per author id (<see cref="MapItem.Author"/>).</param>
public sealed record ItemTally(int Items, IReadOnlyDictionary<string, int> ByAuthor)
{
    /// <summary>A map with no items.</summary>
    public static ItemTally Empty { get; } = new(0, new Dictionary<string, int>());

    /// <summary>The store's stamp of the map read with the tally (<see cref="MapCounts.MapRevision"/>), or null.</summary>
    public string? MapRevision { get; init; }

    /// <summary>How many items <paramref name="authorId"/> added.</summary>
    public int Of(string authorId) => ByAuthor.GetValueOrDefault(authorId);
}
