using Azure;
using Azure.Data.Tables;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

/// <summary>The maps of every team in one Azure table.</summary>
/// <remarks>
/// <para>One partition per team (PartitionKey = the encoded team key), so every write that must be
/// atomic is an entity group transaction within it. Its rows (see <see cref="RowKeys"/>):
/// <c>c~{conversation}</c> holds the conversation's map document (with MapId, Name, Status);
/// <c>m~{map}</c> is the map's shelf line (Name, Status, ConversationKey, UpdatedAt), with the
/// document as well only while no conversation holds the map; <c>m~{map}~i~{item}</c> is an item (with its AuthorId, for counting);
/// <c>m~{map}~v~{person}</c> a member's votes; <c>m~{map}~n~{person}</c> what a member has on the map, counted
/// (written with each of their items, see <see cref="CountRows"/>); <c>u~{person}</c> what the team knows of a member
/// (Department, AskedForDepartment, ChatServiceUrl and ChatConversationId of their 1:1 chat, TimeZone, Muted, EvidenceAskedOn). Documents are JSON written with <see cref="MapJson.Storage"/>
/// (text of any script as itself; only characters past U+FFFF, such as emoji, stay escaped) and
/// split over <c>Doc0…DocN</c> (<see cref="DocumentColumns"/>).
/// A shelf line's UpdatedAt (<see cref="MapSummary.UpdatedAt"/>) is when the map was last saved:
/// stamped by every <see cref="TrySaveAsync"/>, and by the <see cref="TryPlaceAsync"/> that puts it
/// into a conversation or onto the shelf.</para>
/// <para>Round trips: every call is one request, except that a query the service pages (over 1,000
/// rows, or a slow scan) reads page by page. Conflicts come back as <c>null</c>/<c>false</c>;
/// every other failure throws.</para>
/// </remarks>
/// <param name="table">The table; created at start-up by the hosted initializer.</param>
/// <param name="time">The clock of the shelf's <c>UpdatedAt</c>.</param>
/// <param name="logger">Ids and statuses only.</param>
public sealed partial class TableMapStore(TableClient table, TimeProvider time, ILogger<TableMapStore> logger) : IMapStore
{
    /// <inheritdoc />
    /// <remarks>One point read of the <c>c~</c> row.</remarks>
    public Task<StoredMap?> GetLatestConversationMapAsync(MapScope scope, CancellationToken cancellationToken) =>
        GetConversationMapAsync(scope, cancellationToken);

    /// <inheritdoc />
    public async Task<StoredMap?> GetConversationMapAsync(MapScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var row = await ReadRowAsync(Partition(scope.TeamKey), RowKeys.Conversation(scope.ConversationKey), null, cancellationToken);
        return row is not null && MapRows.ReadMap(row) is { } map ? new StoredMap(map, row.ETag.ToString()) : null;
    }

    /// <inheritdoc />
    /// <remarks>One transaction: replace the <c>c~</c> row if its ETag still matches, and upsert the shelf line and the map's stamp (<see cref="MapRevision"/>).</remarks>
    public async Task<string?> TrySaveAsync(MapScope scope, StoredMap map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(map);
        var partition = Partition(scope.TeamKey);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.UpdateReplace, MapRows.Conversation(partition, scope, map.Map), new ETag(map.ETag)),
            new(TableTransactionActionType.UpsertReplace, MapRows.Shelf(partition, map.Map, time.GetUtcNow(), withDocument: false)),
            MapRevision.Stamp(partition, scope.ConversationKey, map.Map),
        ];
        var etag = await TrySubmitAsync(actions, sourceAction: null, cancellationToken);
        if (etag is null)
        {
            StorageLog.SaveConflict(logger, map.Map.Id);
        }

        return etag;
    }

    /// <inheritdoc />
    /// <remarks>
    /// One transaction. With <paramref name="replacing"/>: replace the <c>c~</c> row at its ETag, and
    /// shelve the replaced map with its document; without: add the <c>c~</c> row (it must not exist).
    /// Either way, upsert the placed map's shelf line without document, which takes it off the shelf.
    /// A transaction touches a row once, so placing the map the conversation already holds upserts
    /// only its line.
    /// </remarks>
    public async Task<string?> TryPlaceAsync(MapScope scope, JourneyMap map, StoredMap? replacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(map);
        var partition = Partition(scope.TeamKey);
        var now = time.GetUtcNow();
        var actions = Placing(partition, scope, map, replacing, now);
        actions.Add(new(TableTransactionActionType.UpsertReplace, MapRows.Shelf(partition, map, now, withDocument: false)));
        if (replacing?.Map.Id != map.Id)
        {
            // A new map (see IMapStore.TryPlaceAsync): its counts are kept from its first item, never made from its items.
            actions.Add(new(TableTransactionActionType.UpsertReplace, CountRows.Kept(partition, map.Id)));
        }

        var etag = await TrySubmitAsync(actions, sourceAction: null, cancellationToken);
        if (etag is null)
        {
            StorageLog.PlaceConflict(logger, map.Id);
        }

        return etag;
    }

    /// <inheritdoc />
    /// <remarks>
    /// One transaction, as <see cref="TryPlaceAsync"/>, whose last action is conditional on where the
    /// map was: from the shelf, the shelf line is replaced at the version read (a taker that read it
    /// before another took it meets 412); from another conversation, that conversation's row is
    /// deleted at the version read and the shelf line upserted.
    /// </remarks>
    public async Task<string?> TryTakeAsync(MapScope scope, StoredMap map, MapScope? heldBy, StoredMap? replacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(map);
        if (heldBy is not null && (heldBy.TeamKey != scope.TeamKey || heldBy.ConversationKey == scope.ConversationKey))
        {
            throw new ArgumentException("A map is taken from another conversation of the same team.", nameof(heldBy));
        }

        var partition = Partition(scope.TeamKey);
        var now = time.GetUtcNow();
        var actions = Placing(partition, scope, map.Map, replacing, now);
        var line = MapRows.Shelf(partition, map.Map, now, withDocument: false);
        if (heldBy is null)
        {
            actions.Add(new(TableTransactionActionType.UpdateReplace, line, new ETag(map.ETag)));
        }
        else
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, RowKeys.Conversation(heldBy.ConversationKey)), new ETag(map.ETag)));
            actions.Add(new(TableTransactionActionType.UpsertReplace, line));
        }

        var etag = await TrySubmitAsync(actions, sourceAction: heldBy is null ? actions.Count - 1 : actions.Count - 2, cancellationToken);
        if (etag is null)
        {
            StorageLog.TakeConflict(logger, map.Map.Id);
        }

        return etag;
    }

    // The conversation's row (added, or replaced at its version) with the map's stamp, and the
    // replaced map's shelf line with its document, its stamp saying no conversation holds it.
    private static List<TableTransactionAction> Placing(string partition, MapScope scope, JourneyMap map, StoredMap? replacing, DateTimeOffset now)
    {
        var held = MapRows.Conversation(partition, scope, map);
        List<TableTransactionAction> actions = replacing is null
            ? [new(TableTransactionActionType.Add, held)]
            : [new(TableTransactionActionType.UpdateReplace, held, new ETag(replacing.ETag))];
        actions.Add(MapRevision.Stamp(partition, scope.ConversationKey, map));
        if (replacing is not null && replacing.Map.Id != map.Id)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, MapRows.Shelf(partition, replacing.Map, now, withDocument: true)));
            actions.Add(MapRevision.Unstamp(partition, replacing.Map.Id));
        }

        return actions;
    }

    /// <inheritdoc />
    /// <remarks>
    /// One point read of the <c>m~</c> row; a line without document is a map some conversation holds.
    /// The map alone: placing it back checks the conversation's version, never the shelf row's.
    /// </remarks>
    public async Task<JourneyMap?> GetShelvedMapAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        (await GetShelvedAsync(teamKey, mapId, cancellationToken))?.Map;

    /// <inheritdoc />
    /// <remarks>One point read of the <c>m~</c> row; its ETag is the version <see cref="TryTakeAsync"/> takes it at.</remarks>
    public async Task<StoredMap?> GetShelvedAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        await ReadRowAsync(Partition(teamKey), RowKeys.Shelf(mapId), null, cancellationToken) is { } row && MapRows.ReadMap(row) is { } map
            ? new StoredMap(map, row.ETag.ToString())
            : null;

    /// <inheritdoc />
    /// <remarks>
    /// One query over the <c>m~</c> rows, filtered server-side to <c>Kind eq 'map'</c> and selecting
    /// the summary properties: items, votes and documents are not sent back.
    /// </remarks>
    public async Task<IReadOnlyList<MapSummary>> ListMapsAsync(string teamKey, CancellationToken cancellationToken)
    {
        var filter = $"{RowKeys.StartingWith(Partition(teamKey), RowKeys.MapPrefix)} and {MapRows.KindProperty} eq '{MapRows.MapKind}'";
        var maps = new List<MapSummary>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: MapRows.SummaryProperties, cancellationToken: cancellationToken))
        {
            maps.Add(MapRows.ReadSummary(row));
        }

        return [.. maps.OrderByDescending(m => m.UpdatedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    /// <remarks>One point read of the item's row.</remarks>
    public async Task<MapItem?> GetItemAsync(string teamKey, string mapId, string itemId, CancellationToken cancellationToken) =>
        await ReadRowAsync(Partition(teamKey), RowKeys.Item(mapId, itemId), null, cancellationToken) is { } row ? MapRows.ReadItem(row) : null;

    /// <inheritdoc />
    /// <remarks>
    /// Two range queries at once: the <c>m~{map}~</c> rows (the items, sorted here by creation, and
    /// the votes) and the team's <c>u~</c> rows, selecting only PersonId and Department, for the
    /// departments the items show. Each is one request up to 1,000 rows (a full map is two).
    /// </remarks>
    public async Task<MapBoard> GetBoardAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        var departments = ReadDepartmentsAsync(teamKey, cancellationToken);
        var board = await ReadBoardAsync(teamKey, mapId, cancellationToken);
        return board.WithDepartments(await departments);
    }

    private async Task<MapBoard> ReadBoardAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        var items = new List<MapItem>();
        var votes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var filter = RowKeys.StartingWith(Partition(teamKey), RowKeys.Board(mapId));
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            switch (row.GetString(MapRows.KindProperty))
            {
                case MapRows.ItemKind:
                    items.Add(MapRows.ReadItem(row));
                    break;
                case MapRows.VotesKind:
                    votes[row.GetString(MapRows.PersonIdProperty)] = MapRows.ReadVotes(row);
                    break;
                default:
                    break;
            }
        }

        return new MapBoard([.. items.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal)], votes);
    }

    // The department of every member of the team who gave one, by member id.
    private async Task<IReadOnlyDictionary<string, string>> ReadDepartmentsAsync(string teamKey, CancellationToken cancellationToken)
    {
        var departments = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = RowKeys.StartingWith(Partition(teamKey), RowKeys.MemberPrefix);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: MapRows.DepartmentProperties, cancellationToken: cancellationToken))
        {
            if (row.GetString(MapRows.PersonIdProperty) is { } person && MapRows.Said(row, MapRows.DepartmentProperty) is { } department)
            {
                departments[person] = department;
            }
        }

        return departments;
    }

    /// <inheritdoc />
    /// <remarks>One upsert (replace) of the member's votes row.</remarks>
    public async Task SetVotesAsync(string teamKey, string mapId, string personId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        await table.UpsertEntityAsync(MapRows.Votes(Partition(teamKey), mapId, personId, itemIds), TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One point read of the <c>u~</c> row, selecting only what a <see cref="TeamMember"/> holds.</remarks>
    public async Task<TeamMember?> GetMemberAsync(string teamKey, string personId, CancellationToken cancellationToken) =>
        await ReadRowAsync(Partition(teamKey), RowKeys.Member(personId), MapRows.MemberProperties, cancellationToken) is { } row
            ? MapRows.ReadMember(row)
            : null;

    /// <inheritdoc />
    /// <remarks>One upsert (replace) of the <c>u~</c> row: a department, chat or time zone set to null is removed.</remarks>
    public async Task PutMemberAsync(string teamKey, string personId, TeamMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        await table.UpsertEntityAsync(MapRows.Member(Partition(teamKey), personId, member), TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One upsert (merge) of only those columns of the <c>u~</c> row: no read, no version, no retry.
    /// Each field is one fact with one kind of writer, so the last write of a field wins and the other
    /// fields are never written from a copy; an ETag-checked read-modify-write would cost a read per
    /// write (the copies are often the cache's) and a retry whenever two turns meet.
    /// </remarks>
    public async Task PutMemberAsync(string teamKey, string personId, TeamMember member, MemberFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (fields == MemberFields.All)
        {
            await PutMemberAsync(teamKey, personId, member, cancellationToken);
            return;
        }

        await table.UpsertEntityAsync(MapRows.MemberColumns(Partition(teamKey), personId, member, fields), TableUpdateMode.Merge, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A point read of the shelf line (which conversation last held the map); the hold released if
    /// that conversation still holds this map; a range query over the <c>m~{map}~</c> rows (items,
    /// votes), one over the <c>p~{map}~</c> rows (published versions) and one over the <c>a~{map}~</c>
    /// rows (actions and parked opportunities), their deletion in
    /// transactions of up to 100 (see <see cref="RowDeletion"/>); the shelf line last.
    /// </remarks>
    public async Task<bool> DeleteMapAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        var partition = Partition(teamKey);
        var line = await ReadRowAsync(partition, RowKeys.Shelf(mapId), [MapRows.ConversationKeyProperty], cancellationToken);
        if (line?.GetString(MapRows.ConversationKeyProperty) is { } conversationKey)
        {
            await ReleaseHoldAsync(partition, RowKeys.Conversation(conversationKey), mapId, cancellationToken);
        }

        var rows = await RowDeletion.DeleteStartingWithAsync(table, partition, RowKeys.Board(mapId), cancellationToken)
            + await RowDeletion.DeleteStartingWithAsync(table, partition, RowKeys.Published(mapId), cancellationToken)
            + await RowDeletion.DeleteStartingWithAsync(table, partition, RowKeys.Actions(mapId), cancellationToken);
        if (line is null)
        {
            return false;
        }

        using var response = await table.DeleteEntityAsync(partition, RowKeys.Shelf(mapId), ETag.All, cancellationToken);
        StorageLog.MapDeleted(logger, mapId, rows + 1);
        return true;
    }

    /// <inheritdoc />
    /// <remarks>
    /// One query across partitions (the service scans; it is paged, and stops at
    /// <paramref name="max"/>), selecting keys and ids only. The team is read back from the partition
    /// key; a team id so long that its key is a hash cannot be, and its maps are skipped (logged).
    /// </remarks>
    public async Task<IReadOnlyList<TeamMap>> ListFinishedBeforeAsync(DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var active = MapStatus.Active.ToString();
        var filter = TableClient.CreateQueryFilter($"Kind eq {MapRows.MapKind} and Status ne {active} and UpdatedAt lt {before}");
        var maps = new List<TeamMap>(max);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: max, select: ["PartitionKey", MapRows.MapIdProperty], cancellationToken: cancellationToken))
        {
            if (KeyEncoder.Decode(row.PartitionKey) is not { } teamKey)
            {
                StorageLog.RetentionTeamUnknown(logger, row.GetString(MapRows.MapIdProperty));
                continue;
            }

            maps.Add(new TeamMap(teamKey, row.GetString(MapRows.MapIdProperty)));
            if (maps.Count == max)
            {
                break;
            }
        }

        return maps;
    }

    private static string Partition(string teamKey) => KeyEncoder.Encode(teamKey);

    // The conversation's row goes only while it holds this map (another may have taken its place),
    // and only at the version read: a turn that saved meanwhile is read again.
    private async Task ReleaseHoldAsync(string partitionKey, string rowKey, string mapId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var held = await ReadRowAsync(partitionKey, rowKey, [MapRows.MapIdProperty], cancellationToken);
            if (held?.GetString(MapRows.MapIdProperty) != mapId)
            {
                return;
            }

            try
            {
                // With its stamp, so that no instance's copy of what the conversation held still matches.
                await table.SubmitTransactionAsync(
                    [new(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), held.ETag), MapRevision.Unstamp(partitionKey, mapId)],
                    cancellationToken);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412 && ex.FailedTransactionActionIndex == 0)
            {
                StorageLog.HoldChanged(logger, mapId);
            }
        }

        throw new InvalidOperationException($"The conversation holding map {mapId} kept changing: its hold was not released.");
    }

    // A missing row is an answer (404), not an exception: one request either way.
    private async Task<TableEntity?> ReadRowAsync(string partitionKey, string rowKey, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    // The conversation's row is always the first action; its new version is the ETag in the
    // transaction's answer for that action, so no read follows. Its 412 (stale ETag), 409 (added
    // twice) or 404 (gone) is someone else's write: a conflict; so is a 412 or 404 of the row a map
    // is taken from (sourceAction: another taker was first, or the map is gone). Any other failure
    // is not ours to hide.
    private async Task<string?> TrySubmitAsync(IReadOnlyList<TableTransactionAction> actions, int? sourceAction, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.SubmitTransactionAsync(actions, cancellationToken);
            return response.Value[0].Headers.ETag?.ToString()
                ?? throw new InvalidOperationException("The transaction's answer for the conversation's row carries no ETag.");
        }
        catch (RequestFailedException ex) when (ex.Status == 412
            || (ex is TableTransactionFailedException { FailedTransactionActionIndex: 0 } && ex.Status is 409 or 404)
            || (ex is TableTransactionFailedException { FailedTransactionActionIndex: { } failed } && failed == sourceAction && ex.Status == 404))
        {
            return null;
        }
    }
}
