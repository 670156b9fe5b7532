using System.Globalization;
using System.Text.Json;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Versions;

namespace JourneyBot.Testing;

/// <summary>
/// The storage port in memory, for the conversation's tests and the benchmarks: it keeps the
/// contract the table store keeps (the contract suite of JourneyBot.Storage.Tests runs against
/// both). A conversation's map is a JSON document (<see cref="MapJson.Storage"/>) with a version,
/// so every read hands out a fresh map, a turn's changes land only through a save, and a save or
/// a place against an outdated version returns null. The team's shelf lists maps newest first;
/// items, votes and members are entries of their own, so writers never overwrite each other.
/// </summary>
/// <remarks>
/// Safe under concurrent use, as storage is: one lock guards the dictionaries and is held only to
/// look up and swap entries, so each call is atomic like the table store's request or transaction.
/// JSON is written before the lock is taken and read after it is released. Items and members are
/// immutable records and are kept as they are.
/// </remarks>
/// <param name="clock">The clock of the shelf's <see cref="MapSummary.UpdatedAt"/>.</param>
public sealed class InMemoryMapStore(TimeProvider clock) : IMapStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Team, string Conversation), MapDocument> _conversations = [];
    private readonly Dictionary<(string Team, string Map), ShelfLine> _shelf = [];
    private readonly Dictionary<(string Team, string Map), Dictionary<string, MapItem>> _items = [];
    private readonly Dictionary<(string Team, string Map), Dictionary<string, IReadOnlyList<string>>> _votes = [];
    private readonly Dictionary<(string Team, string Person), TeamMember> _members = [];
    private readonly Dictionary<(string Team, string Person), int> _memberWrites = [];
    private readonly Dictionary<(string Team, string Map, int Version), string> _published = [];
    private readonly Dictionary<(string Team, string Map), SummarisedVersions> _summarised = [];
    private long _version;
    private int _itemWrites;

    /// <summary>The maps' actions, kept beside them so that deleting a map deletes them too, as in the table store.</summary>
    public InMemoryActionStore Actions { get; } = new();

    /// <summary>The follow-up state of the maps here (each deleted with its map, as the table store's <c>a~{map}~f</c> row).</summary>
    public InMemoryFollowUpStore FollowUps { get; } = new();

    /// <summary>What the conversation holds now; <see cref="Restore"/> puts it back.</summary>
    public ConversationSnapshot Snapshot(MapScope scope)
    {
        lock (_gate)
        {
            return new(scope, _conversations.GetValueOrDefault(Key(scope)));
        }
    }

    /// <summary>
    /// Puts back the conversation's map as it was at <paramref name="snapshot"/>: a reference swap,
    /// so a benchmark can undo a turn between invocations at no measurable cost.
    /// </summary>
    public void Restore(ConversationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            if (snapshot.Held is null)
            {
                _conversations.Remove(Key(snapshot.Scope));
            }
            else
            {
                _conversations[Key(snapshot.Scope)] = snapshot.Held;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Always storage itself, never a recent copy: a turn pays for the map document each time.</remarks>
    public Task<StoredMap?> GetConversationMapAsync(MapScope scope, CancellationToken cancellationToken) =>
        GetLatestConversationMapAsync(scope, cancellationToken);

    /// <inheritdoc />
    public Task<StoredMap?> GetLatestConversationMapAsync(MapScope scope, CancellationToken cancellationToken)
    {
        MapDocument? held;
        lock (_gate)
        {
            held = _conversations.GetValueOrDefault(Key(scope));
        }

        return Task.FromResult(held is null ? null : new StoredMap(Read(held.Json), held.ETag));
    }

    /// <inheritdoc />
    public Task<string?> TrySaveAsync(MapScope scope, StoredMap map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        var key = Key(scope);
        var json = Write(map.Map);
        lock (_gate)
        {
            if (!_conversations.TryGetValue(key, out var held) || held.ETag != map.ETag)
            {
                return Task.FromResult<string?>(null);
            }

            var saved = Hold(key, json);
            Shelve(scope.TeamKey, map.Map, clock.GetUtcNow(), shelvedJson: null);
            return Task.FromResult<string?>(saved.ETag);
        }
    }

    /// <inheritdoc />
    public Task<string?> TryPlaceAsync(MapScope scope, JourneyMap map, StoredMap? replacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        var json = Write(map);
        var shelving = Shelving(map, replacing);
        lock (_gate)
        {
            return Task.FromResult(CanPlace(scope, replacing) ? Place(scope, map, json, replacing, shelving) : null);
        }
    }

    /// <inheritdoc />
    public Task<string?> TryTakeAsync(MapScope scope, StoredMap map, MapScope? heldBy, StoredMap? replacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(map);
        if (heldBy is not null && (heldBy.TeamKey != scope.TeamKey || heldBy.ConversationKey == scope.ConversationKey))
        {
            throw new ArgumentException("A map is taken from another conversation of the same team.", nameof(heldBy));
        }

        var json = Write(map.Map);
        var shelving = Shelving(map.Map, replacing);
        lock (_gate)
        {
            // Where the map was must still be as read: its shelf line, or the conversation holding it.
            var there = heldBy is null
                ? _shelf.GetValueOrDefault((scope.TeamKey, map.Map.Id)) is { Json: not null } line && line.ETag == map.ETag
                : _conversations.GetValueOrDefault(Key(heldBy))?.ETag == map.ETag;
            if (!there || !CanPlace(scope, replacing))
            {
                return Task.FromResult<string?>(null);
            }

            if (heldBy is not null)
            {
                _conversations.Remove(Key(heldBy));
            }

            return Task.FromResult<string?>(Place(scope, map.Map, json, replacing, shelving));
        }
    }

    /// <inheritdoc />
    public async Task<JourneyMap?> GetShelvedMapAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        (await GetShelvedAsync(teamKey, mapId, cancellationToken))?.Map;

    /// <inheritdoc />
    public Task<StoredMap?> GetShelvedAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        ShelfLine? line;
        lock (_gate)
        {
            line = _shelf.GetValueOrDefault((teamKey, mapId));
        }

        return Task.FromResult(line?.Json is { } json ? new StoredMap(Read(json), line.ETag) : null);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MapSummary>> ListMapsAsync(string teamKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<MapSummary>>(
            [
                .. _shelf.Where(line => line.Key.Team == teamKey).Select(line => line.Value.Summary)
                    .OrderByDescending(m => m.UpdatedAt).ThenBy(m => m.Id, StringComparer.Ordinal),
            ]);
        }
    }

    /// <inheritdoc />
    public Task<MapSummary?> GetMapSummaryAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_shelf.GetValueOrDefault((teamKey, mapId))?.Summary);
        }
    }

    /// <inheritdoc />
    /// <remarks>Kept as JSON, so what is read back shares nothing with what was written.</remarks>
    public Task PutPublishedAsync(string teamKey, string mapId, int version, PublishedMap published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        var json = JsonSerializer.Serialize(published, MapJson.Storage.PublishedMap);
        lock (_gate)
        {
            _published[(teamKey, mapId, version)] = json;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<PublishedMap?> GetPublishedAsync(string teamKey, string mapId, int version, CancellationToken cancellationToken)
    {
        string? json;
        lock (_gate)
        {
            json = _published.GetValueOrDefault((teamKey, mapId, version));
        }

        return Task.FromResult(json is null ? null : JsonSerializer.Deserialize(json, MapJson.Storage.PublishedMap));
    }

    /// <inheritdoc />
    public Task<PublishedVersions> ListPublishedAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var summary = _summarised.GetValueOrDefault((teamKey, mapId));
            var kept = _published.Where(p => p.Key.Team == teamKey && p.Key.Map == mapId && p.Key.Version > (summary?.Through ?? 0))
                .OrderBy(p => p.Key.Version)
                .Select(p => (p.Key.Version, Published: JsonSerializer.Deserialize(p.Value, MapJson.Storage.PublishedMap)!))
                .Select(p => new VersionLine(p.Version, p.Published.Map.PublishedAt ?? DateTimeOffset.UnixEpoch,
                    p.Published.Map.PublishedBy?.Name ?? string.Empty, p.Published.Board.Items.Count))
                .ToList();
            return Task.FromResult(new PublishedVersions(kept, summary));
        }
    }

    /// <inheritdoc />
    public Task SummarisePublishedAsync(string teamKey, string mapId, SummarisedVersions summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        lock (_gate)
        {
            _summarised[(teamKey, mapId)] = summary;
            foreach (var version in _published.Keys.Where(k => k.Team == teamKey && k.Map == mapId && k.Version <= summary.Through).ToList())
            {
                _published.Remove(version);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> TryAddItemAsync(string teamKey, string mapId, MapItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            _itemWrites++;
            return Task.FromResult(ItemsOf(teamKey, mapId).TryAdd(item.Id, item));
        }
    }

    /// <inheritdoc />
    public Task PutItemAsync(string teamKey, string mapId, MapItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            _itemWrites++;
            ItemsOf(teamKey, mapId)[item.Id] = item;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> RemoveItemAsync(string teamKey, string mapId, string itemId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_items.TryGetValue((teamKey, mapId), out var items) && items.Remove(itemId));
        }
    }

    /// <inheritdoc />
    public Task<MapItem?> GetItemAsync(string teamKey, string mapId, string itemId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_items.TryGetValue((teamKey, mapId), out var items) ? items.GetValueOrDefault(itemId) : null);
        }
    }

    /// <summary>
    /// For tests of races: runs after each board read, before the board is returned, as another
    /// member's change landing between the caller's read and its write would.
    /// </summary>
    public Func<Task>? AfterBoardRead { get; set; }

    /// <summary>For tests of races: runs before each board read, as another member's change landing at that moment would.</summary>
    public Func<Task>? BeforeBoardRead { get; set; }

    /// <inheritdoc />
    /// <remarks>Sorted as the table store sorts: by creation, then id; departments from the team's member entries.</remarks>
    public async Task<MapBoard> GetBoardAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        if (BeforeBoardRead is { } before)
        {
            await before();
        }

        var board = Board(teamKey, mapId);
        if (AfterBoardRead is { } after)
        {
            await after();
        }

        return board;
    }

    /// <inheritdoc />
    /// <remarks>Always exact.</remarks>
    public Task<ItemTally> CountItemsAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var items = _items.GetValueOrDefault((teamKey, mapId))?.Values ?? Enumerable.Empty<MapItem>();
            var byAuthor = items.GroupBy(i => i.Author.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return Task.FromResult(new ItemTally(byAuthor.Values.Sum(), byAuthor));
        }
    }

    /// <inheritdoc />
    /// <remarks>Made from the board each time (without the board-read hooks): what the table store keeps item by item.</remarks>
    public Task<MapCounts> GetCountsAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        Task.FromResult(MapCounts.Of(Board(teamKey, mapId)).Shown(new Dictionary<string, string>(StringComparer.Ordinal)));

    private MapBoard Board(string teamKey, string mapId)
    {
        lock (_gate)
        {
            var items = (_items.GetValueOrDefault((teamKey, mapId))?.Values ?? Enumerable.Empty<MapItem>())
                .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
            var votes = _votes.TryGetValue((teamKey, mapId), out var cast)
                ? new Dictionary<string, IReadOnlyList<string>>(cast, StringComparer.Ordinal)
                : new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var departments = _members.Where(m => m.Key.Team == teamKey && m.Value.Department is not null)
                .ToDictionary(m => m.Key.Person, m => m.Value.Department!, StringComparer.Ordinal);
            return new MapBoard(items, votes).WithDepartments(departments);
        }
    }

    /// <summary>How often an item was written (added or replaced): storage writes cost, so tests count them.</summary>
    public int ItemWrites
    {
        get
        {
            lock (_gate)
            {
                return _itemWrites;
            }
        }
    }

    /// <inheritdoc />
    public Task SetVotesAsync(string teamKey, string mapId, string personId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        string[] copy = [.. itemIds];
        lock (_gate)
        {
            if (!_votes.TryGetValue((teamKey, mapId), out var cast))
            {
                _votes[(teamKey, mapId)] = cast = new(StringComparer.Ordinal);
            }

            cast[personId] = copy;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<TeamMember?> GetMemberAsync(string teamKey, string personId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_members.GetValueOrDefault((teamKey, personId)));
        }
    }

    /// <inheritdoc />
    public Task PutMemberAsync(string teamKey, string personId, TeamMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            _members[(teamKey, personId)] = member;
            _memberWrites[(teamKey, personId)] = _memberWrites.GetValueOrDefault((teamKey, personId)) + 1;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task PutMemberAsync(string teamKey, string personId, TeamMember member, MemberFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            _members[(teamKey, personId)] = _members.GetValueOrDefault((teamKey, personId)).Merged(member, fields);
            _memberWrites[(teamKey, personId)] = _memberWrites.GetValueOrDefault((teamKey, personId)) + 1;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> DeleteMapAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_shelf.TryGetValue((teamKey, mapId), out var line)
                && _conversations.TryGetValue((teamKey, line.Summary.ConversationKey), out var held) && Read(held.Json).Id == mapId)
            {
                _conversations.Remove((teamKey, line.Summary.ConversationKey));
            }

            _items.Remove((teamKey, mapId));
            _votes.Remove((teamKey, mapId));
            Actions.RemoveMap(teamKey, mapId);
            FollowUps.RemoveMap(teamKey, mapId);
            foreach (var version in _published.Keys.Where(k => k.Team == teamKey && k.Map == mapId).ToList())
            {
                _published.Remove(version);
            }

            _summarised.Remove((teamKey, mapId));
            return Task.FromResult(_shelf.Remove((teamKey, mapId)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TeamMap>> ListFinishedBeforeAsync(DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<TeamMap>>(
            [
                .. _shelf.Where(line => line.Value.Summary.Status != MapStatus.Active && line.Value.Summary.UpdatedAt < before)
                    .Select(line => new TeamMap(line.Key.Team, line.Key.Map)).Take(max),
            ]);
        }
    }

    /// <summary>Whether anything of the map is kept: its shelf line, a conversation's hold, items or votes.</summary>
    public bool HoldsAnythingOf(string teamKey, string mapId)
    {
        lock (_gate)
        {
            return _shelf.ContainsKey((teamKey, mapId)) || _items.ContainsKey((teamKey, mapId)) || _votes.ContainsKey((teamKey, mapId))
                || _published.Keys.Any(k => k.Team == teamKey && k.Map == mapId)
                || _conversations.Where(c => c.Key.Team == teamKey).Any(c => Read(c.Value.Json).Id == mapId);
        }
    }

    /// <summary>How often a member's row was written: storage writes cost, so tests count them.</summary>
    public int MemberWrites(string teamKey, string personId)
    {
        lock (_gate)
        {
            return _memberWrites.GetValueOrDefault((teamKey, personId));
        }
    }

    private static (string, string) Key(MapScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return (scope.TeamKey, scope.ConversationKey);
    }

    private static JourneyMap Read(string json) =>
        JsonSerializer.Deserialize(json, MapJson.Storage.JourneyMap) ?? throw new InvalidOperationException("A stored map document is empty.");

    private static string Write(JourneyMap map) => JsonSerializer.Serialize(map, MapJson.Storage.JourneyMap);

    // The replaced map's document, when it goes onto the shelf; written before the lock is taken.
    private static string? Shelving(JourneyMap map, StoredMap? replacing) =>
        replacing is not null && replacing.Map.Id != map.Id ? Write(replacing.Map) : null;

    // Callers hold the lock. With no replacing, the conversation must hold nothing; with one, what was read.
    private bool CanPlace(MapScope scope, StoredMap? replacing)
    {
        var exists = _conversations.TryGetValue(Key(scope), out var held);
        return replacing is null ? !exists : exists && held!.ETag == replacing.ETag;
    }

    // Callers hold the lock and checked CanPlace.
    private string Place(MapScope scope, JourneyMap map, string json, StoredMap? replacing, string? shelving)
    {
        // One moment for both shelf lines, as the table store stamps its one transaction.
        var now = clock.GetUtcNow();
        if (shelving is not null)
        {
            Shelve(scope.TeamKey, replacing!.Map, now, shelving);
        }

        var saved = Hold(Key(scope), json);
        Shelve(scope.TeamKey, map, now, shelvedJson: null);
        return saved.ETag;
    }

    // Callers hold the lock.
    private MapDocument Hold((string, string) key, string json)
    {
        var document = new MapDocument(json, NewVersion());
        _conversations[key] = document;
        return document;
    }

    // The team's shelf line of a map: its summary always, its document only while no conversation holds it; a new version each write.
    private void Shelve(string teamKey, JourneyMap map, DateTimeOffset updatedAt, string? shelvedJson) =>
        _shelf[(teamKey, map.Id)] = new ShelfLine(new MapSummary(map.Id, map.Name, map.Status, map.ConversationKey, updatedAt), shelvedJson,
            NewVersion());

    // Callers hold the lock.
    private string NewVersion() => "W/\"" + (++_version).ToString(CultureInfo.InvariantCulture) + "\"";

    // For writes; reads look up without adding.
    private Dictionary<string, MapItem> ItemsOf(string teamKey, string mapId)
    {
        if (!_items.TryGetValue((teamKey, mapId), out var items))
        {
            _items[(teamKey, mapId)] = items = new(StringComparer.Ordinal);
        }

        return items;
    }

    private sealed record ShelfLine(MapSummary Summary, string? Json, string ETag);
}

/// <summary>A conversation's map document as the in-memory store keeps it: its JSON and version.</summary>
/// <param name="Json">The map, as <see cref="MapJson.Storage"/> writes it.</param>
/// <param name="ETag">The version a save must name.</param>
public sealed record MapDocument(string Json, string ETag);

/// <summary>What a conversation held at one moment, to be put back (<see cref="InMemoryMapStore.Restore"/>).</summary>
/// <param name="Scope">The conversation.</param>
/// <param name="Held">Its map document, or null when it held none.</param>
public sealed record ConversationSnapshot(MapScope Scope, MapDocument? Held);
