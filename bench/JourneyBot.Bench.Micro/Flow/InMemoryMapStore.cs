using System.Globalization;
using System.Text.Json;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Bench.Micro.Flow;

/// <summary>
/// The storage port in memory, for benchmarks: a turn does all its real work except the network.
/// Like the table store it keeps each map document as JSON (<see cref="MapJson.Storage"/>) with a
/// version, so every read hands out a fresh map, a turn's changes land only through a save, and a
/// save against an outdated version fails. Items are immutable records and are kept as they are.
/// </summary>
/// <remarks>One turn at a time: a fixture, not a product store, so nothing here is thread-safe.</remarks>
internal sealed class InMemoryMapStore(TimeProvider clock) : IMapStore
{
    private readonly Dictionary<(string Team, string Conversation), Document> _conversations = [];
    private readonly Dictionary<(string Team, string Map), ShelfLine> _shelf = [];
    private readonly Dictionary<(string Team, string Map), Dictionary<string, MapItem>> _items = [];
    private readonly Dictionary<(string Team, string Map), Dictionary<string, IReadOnlyList<string>>> _votes = [];
    private readonly Dictionary<(string Team, string Person), TeamMember> _members = [];
    private long _version;

    /// <summary>What the conversation holds now; <see cref="Restore"/> puts it back.</summary>
    public ConversationSnapshot Snapshot(MapScope scope) =>
        new(scope, _conversations.TryGetValue(Key(scope), out var document) ? document : null);

    /// <summary>Puts back the conversation's map as it was at <paramref name="snapshot"/> (a reference swap: costs nothing measurable).</summary>
    public void Restore(ConversationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Held is null)
        {
            _conversations.Remove(Key(snapshot.Scope));
        }
        else
        {
            _conversations[Key(snapshot.Scope)] = snapshot.Held;
        }
    }

    // Every read is of storage itself, never a recent copy: the turns pay for the map document each time.
    public Task<StoredMap?> GetConversationMapAsync(MapScope scope, CancellationToken cancellationToken) =>
        GetLatestConversationMapAsync(scope, cancellationToken);

    public Task<StoredMap?> GetLatestConversationMapAsync(MapScope scope, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.TryGetValue(Key(scope), out var document) ? new StoredMap(Read(document.Json), document.ETag) : null);

    public Task<string?> TrySaveAsync(MapScope scope, StoredMap map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (!_conversations.TryGetValue(Key(scope), out var held) || held.ETag != map.ETag)
        {
            return Task.FromResult<string?>(null);
        }

        var saved = Hold(scope, map.Map);
        Shelve(scope.TeamKey, map.Map, withDocument: false);
        return Task.FromResult<string?>(saved.ETag);
    }

    public Task<string?> TryPlaceAsync(MapScope scope, JourneyMap map, StoredMap? replacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        var exists = _conversations.TryGetValue(Key(scope), out var held);
        if (replacing is null ? exists : !exists || held!.ETag != replacing.ETag)
        {
            return Task.FromResult<string?>(null);
        }

        if (replacing is not null && replacing.Map.Id != map.Id)
        {
            Shelve(scope.TeamKey, replacing.Map, withDocument: true);
        }

        var saved = Hold(scope, map);
        Shelve(scope.TeamKey, map, withDocument: false);
        return Task.FromResult<string?>(saved.ETag);
    }

    public Task<JourneyMap?> GetShelvedMapAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        Task.FromResult(_shelf.TryGetValue((teamKey, mapId), out var line) && line.Json is { } json ? Read(json) : null);

    public Task<IReadOnlyList<MapSummary>> ListMapsAsync(string teamKey, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MapSummary>>(
        [
            .. _shelf.Where(line => line.Key.Team == teamKey).Select(line => line.Value.Summary)
                .OrderByDescending(m => m.UpdatedAt).ThenBy(m => m.Id, StringComparer.Ordinal),
        ]);

    public Task<bool> TryAddItemAsync(string teamKey, string mapId, MapItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Task.FromResult(ItemsOf(teamKey, mapId).TryAdd(item.Id, item));
    }

    public Task PutItemAsync(string teamKey, string mapId, MapItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ItemsOf(teamKey, mapId)[item.Id] = item;
        return Task.CompletedTask;
    }

    public Task<bool> RemoveItemAsync(string teamKey, string mapId, string itemId, CancellationToken cancellationToken) =>
        Task.FromResult(ItemsOf(teamKey, mapId).Remove(itemId));

    public Task<MapBoard> GetBoardAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        // Sorted as the table store sorts: by creation, then id.
        var items = ItemsOf(teamKey, mapId).Values.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var votes = _votes.TryGetValue((teamKey, mapId), out var cast)
            ? new Dictionary<string, IReadOnlyList<string>>(cast, StringComparer.Ordinal)
            : new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        return Task.FromResult(new MapBoard(items, votes));
    }

    public Task SetVotesAsync(string teamKey, string mapId, string personId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        if (!_votes.TryGetValue((teamKey, mapId), out var cast))
        {
            _votes[(teamKey, mapId)] = cast = new(StringComparer.Ordinal);
        }

        cast[personId] = [.. itemIds];
        return Task.CompletedTask;
    }

    public Task<TeamMember?> GetMemberAsync(string teamKey, string personId, CancellationToken cancellationToken) =>
        Task.FromResult(_members.GetValueOrDefault((teamKey, personId)));

    public Task PutMemberAsync(string teamKey, string personId, TeamMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        _members[(teamKey, personId)] = member;
        return Task.CompletedTask;
    }

    private static (string, string) Key(MapScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return (scope.TeamKey, scope.ConversationKey);
    }

    private static JourneyMap Read(string json) =>
        JsonSerializer.Deserialize(json, MapJson.Storage.JourneyMap) ?? throw new InvalidOperationException("A stored map document is empty.");

    private static string Write(JourneyMap map) => JsonSerializer.Serialize(map, MapJson.Storage.JourneyMap);

    private Document Hold(MapScope scope, JourneyMap map)
    {
        var document = new Document(Write(map), NextVersion());
        _conversations[Key(scope)] = document;
        return document;
    }

    // The team's shelf line of a map: its summary always, its document only while no conversation holds it.
    private void Shelve(string teamKey, JourneyMap map, bool withDocument) =>
        _shelf[(teamKey, map.Id)] = new ShelfLine(
            new MapSummary(map.Id, map.Name, map.Status, map.ConversationKey, clock.GetUtcNow()),
            withDocument ? Write(map) : null);

    private Dictionary<string, MapItem> ItemsOf(string teamKey, string mapId)
    {
        if (!_items.TryGetValue((teamKey, mapId), out var items))
        {
            _items[(teamKey, mapId)] = items = new(StringComparer.Ordinal);
        }

        return items;
    }

    private string NextVersion() => "W/\"" + (++_version).ToString(CultureInfo.InvariantCulture) + "\"";

    private sealed record ShelfLine(MapSummary Summary, string? Json);
}

/// <summary>A conversation's map document as stored: its JSON and version.</summary>
/// <param name="Json">The map, as <see cref="MapJson.Storage"/> writes it.</param>
/// <param name="ETag">The version a save must name.</param>
internal sealed record Document(string Json, string ETag);

/// <summary>What a conversation held at one moment, to be put back between benchmark invocations.</summary>
/// <param name="Scope">The conversation.</param>
/// <param name="Held">Its map document, or null when it held none.</param>
internal sealed record ConversationSnapshot(MapScope Scope, Document? Held);
