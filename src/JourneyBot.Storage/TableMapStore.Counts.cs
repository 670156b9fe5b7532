using Azure;
using Azure.Data.Tables;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage;

/// <summary>
/// Items are written with their author's counts (<see cref="CountRows"/>) in one transaction, so
/// status, the progress card and the item limits read a row per contributor, never the items.
/// </summary>
/// <remarks>
/// Each author has a row of their own, so members adding at once never contend; the same member
/// adding from two turns at once meets a 412 on their row and the write is tried again on a fresh
/// read. A map stored before counts were kept (no <c>m~{map}~n</c> row) has its counts made from
/// its items the first time they are read (<see cref="ReadCountsAsync"/>), once.
/// </remarks>
public sealed partial class TableMapStore
{
    // Attempts of a write whose author's counts changed meanwhile (the same member in two turns at
    // once); after them the item is written without its counts, which are then made again (an item is never lost).
    private const int CountAttempts = 4;

    // A transaction holds at most 100 actions.
    private const int TransactionLimit = 100;

    // The counts this process wrote last, per map and author, bounded: a busy member's next item is one request.
    private readonly RecentReads<Versioned<AuthorCounts>> _writtenCounts = new(TimeProvider.System, TimeSpan.FromHours(1), 10_000);

    /// <inheritdoc />
    /// <remarks>
    /// One transaction: add the item, write its author's counts at the version this process last
    /// wrote or read them (a point read first when it has none, or they changed). 409 on the item
    /// means it is there already.
    /// </remarks>
    public async Task<bool> TryAddItemAsync(string teamKey, string mapId, MapItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var partition = Partition(teamKey);
        for (var attempt = 0; attempt < CountAttempts; attempt++)
        {
            var counts = await AuthorCountsAsync(partition, mapId, item.Author, fresh: attempt > 0, cancellationToken);
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Add, MapRows.Item(partition, mapId, item)),
                CountsWrite(partition, mapId, counts, counts.Value.Adding(item)),
            ];
            switch (await TryWriteWithCountsAsync(partition, mapId, actions, cancellationToken))
            {
                case CountedWrite.Done:
                    return true;
                case CountedWrite.ItemConflict:
                    StorageLog.DuplicateItem(logger, mapId, item.Id);
                    return false;
                default:
                    await CountsChangedAsync(mapId, cancellationToken);
                    break;
            }
        }

        var added = await TryWriteWithoutCountsAsync(partition, mapId, new(TableTransactionActionType.Add, MapRows.Item(partition, mapId, item)), cancellationToken);
        if (!added)
        {
            StorageLog.DuplicateItem(logger, mapId, item.Id);
        }

        return added;
    }

    /// <inheritdoc />
    /// <remarks>
    /// One transaction (the item, its author's counts at their version) when the counts hold the
    /// item as last written (a feeling, or one of the author's newest) or it is new (a first
    /// feeling on a stage): a feeling given again costs one request. Otherwise the item is read
    /// first (an edit of an older item), and written at the version read.
    /// </remarks>
    public async Task PutItemAsync(string teamKey, string mapId, MapItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var partition = Partition(teamKey);
        var readItem = false;
        for (var attempt = 0; attempt < CountAttempts; attempt++)
        {
            var counts = await AuthorCountsAsync(partition, mapId, item.Author, fresh: attempt > 0, cancellationToken);
            var actions = new List<TableTransactionAction>();
            var before = counts.Value.Known(item.Id);
            if (before is not null)
            {
                // Every write of an item writes its author's counts at their version: at this version, the item is as they hold it.
                actions.Add(new(TableTransactionActionType.UpsertReplace, MapRows.Item(partition, mapId, item)));
            }
            else if (!readItem && item.Kind == ItemKind.Emotion)
            {
                // A feeling the counts do not hold is new (else the add meets 409, and the item is read next time).
                actions.Add(new(TableTransactionActionType.Add, MapRows.Item(partition, mapId, item)));
            }
            else
            {
                var stored = await ReadRowAsync(partition, RowKeys.Item(mapId, item.Id), null, cancellationToken);
                before = stored is null ? null : MapRows.ReadItem(stored);
                actions.Add(stored is null
                    ? new(TableTransactionActionType.Add, MapRows.Item(partition, mapId, item))
                    : new(TableTransactionActionType.UpdateReplace, MapRows.Item(partition, mapId, item), stored.ETag));
            }

            if (before is not null && before.Author.Id != item.Author.Id)
            {
                // Not done by the bot (an item keeps its author), but kept right if it were: each author's counts change.
                var previous = await AuthorCountsAsync(partition, mapId, before.Author, fresh: true, cancellationToken);
                actions.Add(CountsWrite(partition, mapId, previous, previous.Value.Removing(before)));
                before = null;
            }

            actions.Add(CountsWrite(partition, mapId, counts, before is null ? counts.Value.Adding(item) : counts.Value.Replacing(before, item)));
            var written = await TryWriteWithCountsAsync(partition, mapId, actions, cancellationToken);
            if (written == CountedWrite.Done)
            {
                return;
            }

            readItem |= written == CountedWrite.ItemConflict;
            await CountsChangedAsync(mapId, cancellationToken);
        }

        await TryWriteWithoutCountsAsync(partition, mapId, new(TableTransactionActionType.UpsertReplace, MapRows.Item(partition, mapId, item)), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A point read of the item (whose author's counts change), and one transaction: the item
    /// deleted at the version read, the counts written at theirs. An item that is not there costs the one read.
    /// </remarks>
    public async Task<bool> RemoveItemAsync(string teamKey, string mapId, string itemId, CancellationToken cancellationToken)
    {
        var partition = Partition(teamKey);
        for (var attempt = 0; attempt < CountAttempts; attempt++)
        {
            if (await ReadRowAsync(partition, RowKeys.Item(mapId, itemId), null, cancellationToken) is not { } stored)
            {
                return false;
            }

            var item = MapRows.ReadItem(stored);
            var counts = await AuthorCountsAsync(partition, mapId, item.Author, fresh: attempt > 0, cancellationToken);
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Delete, stored, stored.ETag),
                CountsWrite(partition, mapId, counts, counts.Value.Removing(item)),
            ];
            if (await TryWriteWithCountsAsync(partition, mapId, actions, cancellationToken) == CountedWrite.Done)
            {
                return true;
            }

            await CountsChangedAsync(mapId, cancellationToken);
        }

        return await TryWriteWithoutCountsAsync(partition, mapId,
            new(TableTransactionActionType.Delete, new TableEntity(partition, RowKeys.Item(mapId, itemId)), ETag.All), cancellationToken);
    }

    // Another try after a short random pause, so that writers who met stop meeting.
    private async Task CountsChangedAsync(string mapId, CancellationToken cancellationToken)
    {
        StorageLog.CountsChanged(logger, mapId);
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 25)), time, cancellationToken);
    }

    // The item written (or removed) without its author's counts, with the map's counts marked to be
    // made again, in one transaction. False when the item's write met 409 (there already) or 404 (gone).
    private async Task<bool> TryWriteWithoutCountsAsync(string partition, string mapId, TableTransactionAction write, CancellationToken cancellationToken)
    {
        StorageLog.CountsGivenUp(logger, mapId);
        try
        {
            await table.SubmitTransactionAsync([write, new(TableTransactionActionType.UpsertReplace, CountRows.Kept(partition, mapId, stale: true))], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 0 && ex.Status is 409 or 404)
        {
            return false;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Two range queries at once: the map's counts and votes (<see cref="RowKeys.CountsAndVotes"/>: a
    /// row per contributor and per voter, whatever the number of items) and the team's departments.
    /// </remarks>
    public async Task<MapCounts> GetCountsAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        var departments = ReadDepartmentsAsync(teamKey, cancellationToken);
        var counts = (await ReadCountsAsync(teamKey, mapId, cancellationToken)).Shown(await departments);
        // The departments shown are part of what the counts say: a member's new department shows at once.
        return counts.Version is null ? counts : counts with { Version = string.Join('|', [counts.Version, .. counts.Authors.Select(a => a.Department)]) };
    }

    /// <inheritdoc />
    /// <remarks>One range query over the map's counts and votes: the same for 10 items as for 2,000.</remarks>
    public async Task<ItemTally> CountItemsAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        (await ReadCountsAsync(teamKey, mapId, cancellationToken)).Tally();

    // The map's counts and votes; made from its items first when the map has none yet.
    private async Task<MapCounts> ReadCountsAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        var partition = Partition(teamKey);
        for (var attempt = 0; attempt < CountAttempts; attempt++)
        {
            var (kept, authors, voters, revision) = ((TableEntity?)null, new List<TableEntity>(), 0, (string?)null);
            var version = new System.Text.StringBuilder();
            await foreach (var row in table.QueryAsync<TableEntity>(RowKeys.CountsAndVotes(partition, mapId), cancellationToken: cancellationToken))
            {
                // Every row read, in key order, by its version: any write to the counts or votes changes one (or adds or removes one).
                version.Append(row.RowKey).Append(' ').Append(row.ETag.ToString()).Append('|');
                switch (row.GetString(MapRows.KindProperty))
                {
                    case CountRows.CountsKeptKind:
                        kept = row;
                        break;
                    case CountRows.CountsKind:
                        authors.Add(row);
                        break;
                    case MapRows.VotesKind:
                        voters += MapRows.ReadVotes(row).Count > 0 ? 1 : 0;
                        break;
                    case MapRevision.Kind:
                        revision = row.GetString(MapRevision.Property);
                        break;
                    default:
                        break;
                }
            }

            if (kept is not null && kept.GetBoolean(CountRows.StaleProperty) != true)
            {
                return new MapCounts([.. authors.Select(CountRows.Read)], voters) { Version = version.ToString(), MapRevision = revision };
            }

            if (await TryMakeCountsAsync(teamKey, mapId, authors, kept, cancellationToken) is { } made)
            {
                return made;
            }
        }

        // Items kept landing while the counts were made: shown from the items this once, made at a later read.
        return MapCounts.Of(await ReadBoardAsync(teamKey, mapId, cancellationToken));
    }

    // Counts made from the items, for a map stored before they were kept (or whose counts an item was
    // written without, the row saying they are kept marked stale: replaced at its version). The author rows written
    // meanwhile by item writes are replaced at the versions read before the items were, so an item
    // written between the two reads fails the write (412 or 409) and the caller reads again; the
    // row saying the counts are kept goes in the last transaction. Null on such a conflict.
    private async Task<MapCounts?> TryMakeCountsAsync(string teamKey, string mapId, List<TableEntity> authorRows, TableEntity? stale, CancellationToken cancellationToken)
    {
        var partition = Partition(teamKey);
        var board = await ReadBoardAsync(teamKey, mapId, cancellationToken);
        var counts = MapCounts.Of(board);
        var read = authorRows.ToDictionary(r => r.GetString(MapRows.PersonIdProperty), StringComparer.Ordinal);
        var actions = new List<TableTransactionAction>();
        foreach (var author in counts.Authors)
        {
            var row = CountRows.Author(partition, mapId, author);
            actions.Add(read.Remove(author.Author.Id, out var was)
                ? new(TableTransactionActionType.UpdateReplace, row, was.ETag)
                : new(TableTransactionActionType.Add, row));
        }

        actions.AddRange(read.Values.Select(gone => new TableTransactionAction(TableTransactionActionType.Delete, gone, gone.ETag)));
        actions.Add(stale is null
            ? new(TableTransactionActionType.Add, CountRows.Kept(partition, mapId))
            : new(TableTransactionActionType.UpdateReplace, CountRows.Kept(partition, mapId), stale.ETag));
        foreach (var chunk in actions.Chunk(TransactionLimit))
        {
            if (await TryWriteWithCountsAsync(partition, mapId, chunk, cancellationToken) != CountedWrite.Done)
            {
                StorageLog.CountsChanged(logger, mapId);
                return null;
            }
        }

        StorageLog.CountsMade(logger, mapId, board.Items.Count);
        return counts;
    }

    // The author's counts with the version to write them at: as this process last wrote them, unless
    // fresh (a write at that version failed), else as stored; new counts (no version) when they have none.
    // Kept copies need no expiry to be right: a write at a version someone else changed meets 412.
    private async Task<Versioned<AuthorCounts>> AuthorCountsAsync(string partition, string mapId, Person author, bool fresh, CancellationToken cancellationToken)
    {
        var key = CountsKey(partition, mapId, author.Id);
        if (!fresh && _writtenCounts.TryGet(key, out var kept))
        {
            return kept;
        }

        _writtenCounts.Forget(key);
        return await ReadRowAsync(partition, RowKeys.AuthorCounts(mapId, author.Id), null, cancellationToken) is { } row
            ? new(CountRows.Read(row), row.ETag)
            : new(AuthorCounts.For(author), null);
    }

    private static string CountsKey(string partition, string mapId, string personId) => string.Join('\u001f', partition, mapId, personId);

    // Replaces the counts at the version read, or adds them when there were none (409 if someone did meanwhile).
    private static TableTransactionAction CountsWrite(string partition, string mapId, Versioned<AuthorCounts> read, AuthorCounts now) =>
        read.ETag is { } etag
            ? new(TableTransactionActionType.UpdateReplace, CountRows.Author(partition, mapId, now), etag)
            : new(TableTransactionActionType.Add, CountRows.Author(partition, mapId, now));

    // The first action is the item's (409 there: it exists already); a 409, 412 or 404 of any
    // other action is someone else's write to the counts (or to the item's version read). The
    // counts written are kept with their new versions, for the author's next write.
    private async Task<CountedWrite> TryWriteWithCountsAsync(string partition, string mapId, IReadOnlyList<TableTransactionAction> actions,
        CancellationToken cancellationToken)
    {
        try
        {
            var answers = (await table.SubmitTransactionAsync(actions, cancellationToken)).Value;
            for (var i = 0; i < actions.Count; i++)
            {
                if (actions[i].Entity is TableEntity { } row && row.GetString(MapRows.KindProperty) == CountRows.CountsKind
                    && actions[i].ActionType != TableTransactionActionType.Delete && answers[i].Headers.ETag is { } etag)
                {
                    _writtenCounts.Set(CountsKey(partition, mapId, row.GetString(MapRows.PersonIdProperty)), new(CountRows.Read(row), etag));
                }
            }

            return CountedWrite.Done;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return ex.FailedTransactionActionIndex == 0 && ex.Status == 409 && actions[0].ActionType == TableTransactionActionType.Add
                ? CountedWrite.ItemConflict
                : CountedWrite.Changed;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return CountedWrite.Changed;
        }
    }

    private readonly record struct Versioned<T>(T Value, ETag? ETag);

    private enum CountedWrite
    {
        Done,
        ItemConflict,
        Changed,
    }
}
