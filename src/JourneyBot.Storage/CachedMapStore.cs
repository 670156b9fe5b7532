using System.Text.Json;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;
using Microsoft.Extensions.Options;

namespace JourneyBot.Storage;

/// <summary>
/// Spares storage the reads a busy session repeats: the conversation's map and the members'
/// departments, as this process last read or wrote them, for a few seconds
/// (<see cref="TableStorageOptions.CacheLifetime"/>). A contribution then costs one write. Past its
/// lifetime a map's copy is kept while memory allows, and used again once the query of its map's
/// counts, which a turn makes anyway, shows that storage still holds it (<see cref="MapRevision"/>):
/// a quiet conversation's next turn reads its map only when it changed.
/// </summary>
/// <remarks>
/// Writes stay exact: a map is saved against the version it was read at, so a copy made stale by
/// another instance fails to save, is forgotten, and the caller retries on a fresh read. A stale
/// copy can only delay what a read-only turn shows (status, the step a contribution sees) by at
/// most the lifetime; it never refuses a member: a turn refused for what the copy lacks (a stage,
/// an item, the map) is decided again on <see cref="GetLatestConversationMapAsync"/>. Items and votes are never kept: they are read fresh whenever shown. Maps are
/// kept as their stored JSON and read anew for every turn, so no two turns share one object; the
/// copies are bounded in number and bytes (<see cref="TableStorageOptions.CacheMaxBytes"/>), the least recently used going first.
/// A map's item count (for <see cref="MapLimits"/>) is kept from when it was read, with this
/// process's own adds and removals counted in, so a busy map is counted once per lifetime, not
/// once per contribution; what other instances added meanwhile shows at the next count.
/// </remarks>
internal sealed class CachedMapStore : IMapStore
{
    private readonly IMapStore _inner;
    private readonly RecentReads<StoredDocument?> _maps;
    private readonly RecentReads<TeamMember?> _members;
    private readonly RecentReads<KeptTally> _tallies;
    private readonly TimeProvider _clock;

    // A copy checked current again and again is still read anew this long after it was read or
    // written: what bounds a stamp that a writer without stamps (an older version of the bot, during
    // a rolling upgrade) left unchanged.
    private static readonly TimeSpan MaxCheckedAge = TimeSpan.FromMinutes(10);

    public CachedMapStore(IMapStore inner, TimeProvider clock, IOptions<TableStorageOptions> options)
    {
        (_inner, _clock) = (inner, clock);
        var settings = options.Value;
        // Maps weigh what their JSON does (a few KB, up to the 1 MB a row holds), so they are bounded in bytes too; members are a few fields each.
        _maps = new RecentReads<StoredDocument?>(clock, settings.CacheLifetime, settings.CacheCapacity, settings.CacheMaxBytes,
            document => document is null ? 64 : document.Bytes);
        _members = new RecentReads<TeamMember?>(clock, settings.CacheLifetime, settings.CacheCapacity);
        _tallies = new RecentReads<KeptTally>(clock, settings.CacheLifetime, settings.CacheCapacity);
    }

    public async Task<StoredMap?> GetConversationMapAsync(MapScope scope, CancellationToken cancellationToken)
    {
        var key = Key(scope);
        if (_maps.TryGet(key, out var kept))
        {
            return kept?.Read();
        }

        if (_maps.TryGetPast(key, out var past) && past is not null && _clock.GetElapsedTime(past.MadeAt) < MaxCheckedAge
            && await IsCurrentAsync(scope, past, cancellationToken))
        {
            _maps.Renew(key, past);
            return past.Read();
        }

        return await GetLatestConversationMapAsync(scope, cancellationToken);
    }

    public async Task<StoredMap?> GetLatestConversationMapAsync(MapScope scope, CancellationToken cancellationToken)
    {
        var stored = await _inner.GetLatestConversationMapAsync(scope, cancellationToken);
        _maps.Set(Key(scope), stored is null ? null : StoredDocument.Of(scope, stored.Map, stored.ETag, _clock));
        return stored;
    }

    // A copy past its lifetime, checked by the query of its map's counts (its stamp is read with them,
    // see MapRevision): a query the turn makes anyway for the map's limits, whose tally is kept for it.
    private async Task<bool> IsCurrentAsync(MapScope scope, StoredDocument past, CancellationToken cancellationToken)
    {
        var tally = await _inner.CountItemsAsync(scope.TeamKey, past.MapId, cancellationToken);
        _tallies.Set(Key(scope.TeamKey, past.MapId), new KeptTally(tally));
        return tally.MapRevision == past.Revision;
    }

    public async Task<string?> TrySaveAsync(MapScope scope, StoredMap map, CancellationToken cancellationToken)
    {
        var version = await _inner.TrySaveAsync(scope, map, cancellationToken);
        Remember(scope, map.Map, version);
        return version;
    }

    public async Task<string?> TryPlaceAsync(MapScope scope, JourneyMap map, StoredMap? replacing, CancellationToken cancellationToken)
    {
        var version = await _inner.TryPlaceAsync(scope, map, replacing, cancellationToken);
        Remember(scope, map, version);
        return version;
    }

    // The conversation the map left holds nothing now; what this process kept of it is forgotten either way.
    public async Task<string?> TryTakeAsync(MapScope scope, StoredMap map, MapScope? heldBy, StoredMap? replacing, CancellationToken cancellationToken)
    {
        var version = await _inner.TryTakeAsync(scope, map, heldBy, replacing, cancellationToken);
        Remember(scope, map.Map, version);
        if (heldBy is not null)
        {
            _maps.Forget(Key(heldBy));
        }

        return version;
    }

    public async Task<TeamMember?> GetMemberAsync(string teamKey, string personId, CancellationToken cancellationToken)
    {
        var key = Key(teamKey, personId);
        if (_members.TryGet(key, out var kept))
        {
            return kept;
        }

        var member = await _inner.GetMemberAsync(teamKey, personId, cancellationToken);
        _members.Set(key, member);
        return member;
    }

    public async Task PutMemberAsync(string teamKey, string personId, TeamMember member, CancellationToken cancellationToken)
    {
        try
        {
            await _inner.PutMemberAsync(teamKey, personId, member, cancellationToken);
            _members.Set(Key(teamKey, personId), member);
        }
        catch
        {
            _members.Forget(Key(teamKey, personId));
            throw;
        }
    }

    // The copy kept takes the fields written, without a new lifetime; without one, what the row holds besides them is not known here.
    public async Task PutMemberAsync(string teamKey, string personId, TeamMember member, MemberFields fields, CancellationToken cancellationToken)
    {
        var key = Key(teamKey, personId);
        try
        {
            await _inner.PutMemberAsync(teamKey, personId, member, fields, cancellationToken);
            if (fields == MemberFields.All)
            {
                _members.Set(key, member);
            }
            else if (_members.TryGet(key, out var kept))
            {
                // Until the copy's own expiry: the fields not written are as old as the copy was.
                _members.Replace(key, kept.Merged(member, fields));
            }
            else
            {
                _members.Forget(key);
            }
        }
        catch
        {
            _members.Forget(key);
            throw;
        }
    }

    public Task<JourneyMap?> GetShelvedMapAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        _inner.GetShelvedMapAsync(teamKey, mapId, cancellationToken);

    public Task<StoredMap?> GetShelvedAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        _inner.GetShelvedAsync(teamKey, mapId, cancellationToken);

    public Task<IReadOnlyList<MapSummary>> ListMapsAsync(string teamKey, CancellationToken cancellationToken) =>
        _inner.ListMapsAsync(teamKey, cancellationToken);

    public async Task<ItemTally> CountItemsAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        var key = Key(teamKey, mapId);
        if (_tallies.TryGet(key, out var kept))
        {
            return kept.Now();
        }

        var tally = await _inner.CountItemsAsync(teamKey, mapId, cancellationToken);
        _tallies.Set(key, new KeptTally(tally));
        return tally;
    }

    // Read fresh, as the items are: a handful of rows, the same for any number of items.
    public Task<MapCounts> GetCountsAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        _inner.GetCountsAsync(teamKey, mapId, cancellationToken);

    public async Task<bool> TryAddItemAsync(string teamKey, string mapId, MapItem item, CancellationToken cancellationToken)
    {
        var added = await _inner.TryAddItemAsync(teamKey, mapId, item, cancellationToken);
        if (added && _tallies.TryGet(Key(teamKey, mapId), out var kept))
        {
            kept.Add(item.Author.Id, 1);
        }

        return added;
    }

    // An emotion may be new or given again, an edit adds nothing: the next count reads storage.
    public async Task PutItemAsync(string teamKey, string mapId, MapItem item, CancellationToken cancellationToken)
    {
        await _inner.PutItemAsync(teamKey, mapId, item, cancellationToken);
        _tallies.Forget(Key(teamKey, mapId));
    }

    public Task<MapItem?> GetItemAsync(string teamKey, string mapId, string itemId, CancellationToken cancellationToken) =>
        _inner.GetItemAsync(teamKey, mapId, itemId, cancellationToken);

    // A removal makes room: the next count reads storage (removals are rare, so this costs little).
    public async Task<bool> RemoveItemAsync(string teamKey, string mapId, string itemId, CancellationToken cancellationToken)
    {
        var removed = await _inner.RemoveItemAsync(teamKey, mapId, itemId, cancellationToken);
        if (removed)
        {
            _tallies.Forget(Key(teamKey, mapId));
        }

        return removed;
    }

    public Task<MapBoard> GetBoardAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        _inner.GetBoardAsync(teamKey, mapId, cancellationToken);

    // What a link's page reads is read fresh: an archived map's links stop at once.
    public Task<MapSummary?> GetMapSummaryAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        _inner.GetMapSummaryAsync(teamKey, mapId, cancellationToken);

    public Task PutPublishedAsync(string teamKey, string mapId, int version, PublishedMap published, CancellationToken cancellationToken) =>
        _inner.PutPublishedAsync(teamKey, mapId, version, published, cancellationToken);

    public Task<PublishedMap?> GetPublishedAsync(string teamKey, string mapId, int version, CancellationToken cancellationToken) =>
        _inner.GetPublishedAsync(teamKey, mapId, version, cancellationToken);

    public Task<Conversation.Versions.PublishedVersions> ListPublishedAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        _inner.ListPublishedAsync(teamKey, mapId, cancellationToken);

    public Task SummarisePublishedAsync(string teamKey, string mapId, Conversation.Versions.SummarisedVersions summary, CancellationToken cancellationToken) =>
        _inner.SummarisePublishedAsync(teamKey, mapId, summary, cancellationToken);

    public Task SetVotesAsync(string teamKey, string mapId, string personId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken) =>
        _inner.SetVotesAsync(teamKey, mapId, personId, itemIds, cancellationToken);

    /// <remarks>The conversation that held the map must not go on reading it here: its copy is forgotten first.</remarks>
    public async Task<bool> DeleteMapAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        if (await _inner.GetMapSummaryAsync(teamKey, mapId, cancellationToken) is { } line)
        {
            _maps.Forget(Key(new MapScope(teamKey, line.ConversationKey)));
        }

        return await _inner.DeleteMapAsync(teamKey, mapId, cancellationToken);
    }

    public Task<IReadOnlyList<TeamMap>> ListFinishedBeforeAsync(DateTimeOffset before, int max, CancellationToken cancellationToken) =>
        _inner.ListFinishedBeforeAsync(before, max, cancellationToken);

    // A saved map is what storage now holds at the new version; a refused save means storage holds
    // something this process has not seen, so the next read must go to storage.
    private void Remember(MapScope scope, JourneyMap map, string? version)
    {
        if (version is null)
        {
            _maps.Forget(Key(scope));
        }
        else
        {
            _maps.Set(Key(scope), StoredDocument.Of(scope, map, version, _clock));
        }
    }

    private static string Key(MapScope scope) => Key(scope.TeamKey, scope.ConversationKey);

    // Keys are joined with a character Teams ids do not contain in practice; a collision would only
    // cost a stale read, never a wrong write.
    private static string Key(string teamKey, string id) => string.Concat(teamKey, "\u001f", id);

    // A count as read, with this process's adds since. It is changed in place (under its own lock)
    // and not set again, so it expires a lifetime after the read, never renewed by busy adds.
    private sealed class KeptTally(ItemTally read)
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, int> _byAuthor = new(read.ByAuthor, StringComparer.Ordinal);
        private int _items = read.Items;

        public void Add(string authorId, int count)
        {
            lock (_gate)
            {
                _items += count;
                _byAuthor[authorId] = _byAuthor.GetValueOrDefault(authorId) + count;
            }
        }

        public ItemTally Now()
        {
            lock (_gate)
            {
                return new ItemTally(_items, new Dictionary<string, int>(_byAuthor, StringComparer.Ordinal));
            }
        }
    }

    // Kept as UTF-8 JSON: half the memory of a string, and read without transcoding. With its map's id
    // and stamp, to be checked past its lifetime, and when it was read or written (clock timestamp).
    private sealed record StoredDocument(byte[] Json, string ETag, string MapId, string Revision, long MadeAt)
    {
        public long Bytes => Json.Length + (2L * (ETag.Length + MapId.Length + Revision.Length)) + 96;

        public static StoredDocument Of(MapScope scope, JourneyMap map, string etag, TimeProvider clock)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(map, MapJson.Storage.JourneyMap);
            return new(json, etag, map.Id, MapRevision.Of(scope.ConversationKey, json), clock.GetTimestamp());
        }

        public StoredMap Read() => new(JsonSerializer.Deserialize(Json, MapJson.Storage.JourneyMap)!, ETag) { IsRecentCopy = true };
    }
}
