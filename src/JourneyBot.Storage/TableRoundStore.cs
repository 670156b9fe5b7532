using Azure;
using Azure.Data.Tables;
using JourneyBot.Conversation.Rounds;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

/// <summary>Rounds of questions and the team's departments, in the maps' table and the team's partition.</summary>
/// <remarks>
/// <para>Rows (see <see cref="RowKeys"/> and <see cref="RoundRows"/>), PartitionKey = the encoded team key:
/// <c>r~{map}~{countdown}</c> is a round (Kind <c>round</c>, MapId, Number, State, its document);
/// <c>r~{map}~{countdown}~a~{person}</c> is a member asked in it (Kind <c>ask</c>, MapId, Number,
/// PersonId, State, its document); <c>t~departments</c> holds the team's departments (Kind
/// <c>departments</c>, a JSON list). The countdown is 9999 less the round's number in four digits,
/// so the newest round of a map sorts first; numbers run from 1 to 9999. Documents are JSON
/// (<see cref="RoundJson.Storage"/>) over <c>Doc0…DocN</c> (<see cref="DocumentColumns"/>). None of
/// these keys starts with <c>m~</c>, <c>c~</c> or <c>u~</c>, so the map store's range queries never
/// meet them.</para>
/// <para>A round is visible only through its row: its asks are written first and the row last, and
/// every read of asks checks the row, so asks left by a create that stopped midway are never
/// read, and the next create of that number removes those it does not rewrite.</para>
/// <para>Two creates of the same number at once: exactly one returns true, but the loser's asks
/// may have replaced some of the winner's before its row was refused. The caller must not race
/// itself (one facilitator's turn at a time, the number taken from the map's version).</para>
/// </remarks>
/// <param name="table">The maps' table; created at start-up by the hosted initializer.</param>
/// <param name="logger">Ids, numbers and counts only.</param>
public sealed class TableRoundStore(TableClient table, ILogger<TableRoundStore> logger) : IRoundStore
{
    private const string ChatAskKind = "chatask";

    /// <summary>The most operations in one entity group transaction.</summary>
    internal const int MaxBatchOperations = 100;

    /// <summary>
    /// The most characters of properties in one transaction: its payload is limited to 4 MiB, and a
    /// character may take three bytes of UTF-8, more once escaped again in the batch's JSON.
    /// </summary>
    internal const int MaxBatchCharacters = 600_000;

    private static readonly string[] KindOnly = [MapRows.KindProperty];
    private static readonly string[] KeyAndKind = ["RowKey", MapRows.KindProperty];

    /// <inheritdoc />
    /// <remarks>
    /// One range query over the round's rows (a row there: false; asks there: leftovers of a
    /// create that stopped midway), then the asks (and the removal of leftovers they do not
    /// replace) in transactions of at most <see cref="MaxBatchOperations"/>, then the round's row
    /// added: 409 means another create got there first.
    /// </remarks>
    public async Task<bool> TryCreateAsync(string teamKey, Round round, IReadOnlyList<RoundAsk> asks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(asks);
        var partition = Partition(teamKey);
        var roundRow = RoundRows.Round(partition, round);
        var askRows = asks.Select(ask => RoundRows.Ask(partition, round.MapId, round.Number, ask)).ToList();
        if (askRows.DistinctBy(row => row.RowKey, StringComparer.Ordinal).Count() != askRows.Count)
        {
            throw new ArgumentException("A member is asked twice in the round.", nameof(asks));
        }

        var existing = await ExistingRowsAsync(partition, roundRow.RowKey, cancellationToken);
        if (existing.Any(row => row.GetString(MapRows.KindProperty) == RoundRows.RoundKind))
        {
            StorageLog.RoundExists(logger, round.MapId, round.Number);
            return false;
        }

        var rewritten = askRows.Select(row => row.RowKey).ToHashSet(StringComparer.Ordinal);
        var leftovers = existing.Where(row => !rewritten.Contains(row.RowKey)).ToList();
        var actions = askRows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row))
            .Concat(leftovers.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, row.RowKey), ETag.All)));
        foreach (var batch in Batches(actions))
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }

        if (leftovers.Count > 0)
        {
            StorageLog.LeftoverAsksRemoved(logger, round.MapId, round.Number, leftovers.Count);
        }

        try
        {
            await table.AddEntityAsync(roundRow, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            StorageLog.RoundExists(logger, round.MapId, round.Number);
            return false;
        }
    }

    /// <inheritdoc />
    /// <remarks>One point read.</remarks>
    public async Task<Round?> GetAsync(string teamKey, string mapId, int number, CancellationToken cancellationToken) =>
        await ReadRowAsync(Partition(teamKey), RowKeys.Round(mapId, number), null, cancellationToken) is { } row
            ? RoundRows.ReadRound(row)
            : null;

    /// <inheritdoc />
    /// <remarks>
    /// One range query over the map's round rows, filtered to round rows and stopped at the first:
    /// the newest, as the countdown sorts them.
    /// </remarks>
    public async Task<Round?> GetLatestAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        var filter = $"{RowKeys.StartingWith(Partition(teamKey), RowKeys.Rounds(mapId))} and {MapRows.KindProperty} eq '{RoundRows.RoundKind}'";
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return RoundRows.ReadRound(row);
        }

        return null;
    }

    /// <inheritdoc />
    /// <remarks>One upsert (replace) of the round's row.</remarks>
    public async Task PutAsync(string teamKey, Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        await table.UpsertEntityAsync(RoundRows.Round(Partition(teamKey), round), TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One range query: the round's row and its asks, which share its key as prefix.</remarks>
    public async Task<IReadOnlyList<RoundAsk>> ListAsksAsync(string teamKey, string mapId, int number, CancellationToken cancellationToken)
    {
        var partition = Partition(teamKey);
        var asks = new List<RoundAsk>();
        var roundFound = false;
        await foreach (var row in table.QueryAsync<TableEntity>(RowKeys.StartingWith(partition, RowKeys.Round(mapId, number)), cancellationToken: cancellationToken))
        {
            switch (row.GetString(MapRows.KindProperty))
            {
                case RoundRows.RoundKind:
                    roundFound = true;
                    break;
                case RoundRows.AskKind:
                    asks.Add(RoundRows.ReadAsk(row));
                    break;
                default:
                    break;
            }
        }

        return roundFound ? [.. asks.OrderBy(a => a.Member.Id, StringComparer.Ordinal)] : [];
    }

    /// <inheritdoc />
    /// <remarks>Two point reads at once: the member's ask, and the round's row to know the round is there.</remarks>
    public async Task<RoundAsk?> GetAskAsync(string teamKey, string mapId, int number, string memberId, CancellationToken cancellationToken)
    {
        var partition = Partition(teamKey);
        var roundRow = ReadRowAsync(partition, RowKeys.Round(mapId, number), KindOnly, cancellationToken);
        var askRow = ReadRowAsync(partition, RowKeys.Ask(mapId, number, memberId), null, cancellationToken);
        await Task.WhenAll(roundRow, askRow);
        return await roundRow is not null && await askRow is { } row ? RoundRows.ReadAsk(row) : null;
    }

    /// <inheritdoc />
    /// <remarks>One upsert (replace) of the member's ask row; no other member's row is touched.</remarks>
    public async Task PutAskAsync(string teamKey, string mapId, int number, RoundAsk ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        await table.UpsertEntityAsync(RoundRows.Ask(Partition(teamKey), mapId, number, ask), TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The reads of <see cref="GetAskAsync"/>, then one replace checked against the ask row's ETag. The ask
    /// is one document, so a merge could not keep another writer's fields; a write that meets another
    /// (412) reads again and retries. Each try either writes or loses to a write that landed, so
    /// <see cref="UpdateTries"/> is enough for that many writers of one ask at once (they are two: the
    /// member and the schedule); past it the conflict is thrown and the caller's work runs again.
    /// </remarks>
    public async Task<RoundAsk?> UpdateAskAsync(string teamKey, string mapId, int number, string memberId, Func<RoundAsk, RoundAsk> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var partition = Partition(teamKey);
        for (var attempt = 1; ; attempt++)
        {
            var roundRow = ReadRowAsync(partition, RowKeys.Round(mapId, number), KindOnly, cancellationToken);
            var askRow = ReadRowAsync(partition, RowKeys.Ask(mapId, number, memberId), null, cancellationToken);
            await Task.WhenAll(roundRow, askRow);
            if (await roundRow is null || await askRow is not { } row)
            {
                return null;
            }

            var changed = change(RoundRows.ReadAsk(row));
            try
            {
                await table.UpdateEntityAsync(RoundRows.Ask(partition, mapId, number, changed), row.ETag, TableUpdateMode.Replace, cancellationToken);
                return changed;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < UpdateTries)
            {
                // Changed since the read: read it again.
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Deleted since the read (the round or its map went): as when it was not there.
                return null;
            }
        }
    }

    /// <summary>How many times <see cref="UpdateAskAsync"/> reads and writes before a conflict is thrown.</summary>
    internal const int UpdateTries = 8;

    /// <inheritdoc />
    /// <remarks>One point read.</remarks>
    public async Task<IReadOnlyList<string>?> GetDepartmentsAsync(string teamKey, CancellationToken cancellationToken) =>
        await ReadRowAsync(Partition(teamKey), RowKeys.Departments, null, cancellationToken) is { } row
            ? RoundRows.ReadDepartments(row)
            : null;

    /// <inheritdoc />
    /// <remarks>One upsert (replace).</remarks>
    public async Task PutDepartmentsAsync(string teamKey, IReadOnlyList<string> departments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(departments);
        await table.UpsertEntityAsync(RoundRows.Departments(Partition(teamKey), departments), TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One upsert of a small row in the chat's own partition (a 1:1 chat is its own team).</remarks>
    public async Task AddChatAskAsync(string chatId, RoundKey round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var row = new TableEntity(Partition(chatId), RowKeys.ChatAsk(round.TeamKey, round.MapId, round.Number))
        {
            [MapRows.KindProperty] = ChatAskKind,
            [nameof(RoundKey.TeamKey)] = round.TeamKey,
            [nameof(RoundKey.MapId)] = round.MapId,
            [nameof(RoundKey.Number)] = round.Number,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One prefix query in the chat's partition.</remarks>
    public async Task<IReadOnlyList<RoundKey>> ListChatAsksAsync(string chatId, CancellationToken cancellationToken)
    {
        var rounds = new List<RoundKey>();
        await foreach (var row in table.QueryAsync<TableEntity>(RowKeys.StartingWith(Partition(chatId), RowKeys.ChatAsks), cancellationToken: cancellationToken))
        {
            if (row.GetString(nameof(RoundKey.TeamKey)) is { } team && row.GetString(nameof(RoundKey.MapId)) is { } map
                && row.GetInt32(nameof(RoundKey.Number)) is { } number)
            {
                rounds.Add(new RoundKey(team, map, number));
            }
        }

        return rounds;
    }

    /// <inheritdoc />
    /// <remarks>One range query over the <c>r~{map}~</c> rows, then their deletion in transactions (see <see cref="RowDeletion"/>).</remarks>
    public async Task DeleteRoundsAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        await RowDeletion.DeleteStartingWithAsync(table, Partition(teamKey), RowKeys.Rounds(mapId), cancellationToken);

    /// <inheritdoc />
    /// <remarks>One delete in the chat's partition; a missing row is answered 404, not thrown.</remarks>
    public async Task RemoveChatAskAsync(string chatId, RoundKey round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        using var response = await table.DeleteEntityAsync(
            Partition(chatId), RowKeys.ChatAsk(round.TeamKey, round.MapId, round.Number), ETag.All, cancellationToken);
    }

    /// <summary>
    /// Cuts <paramref name="actions"/> into transactions of at most <see cref="MaxBatchOperations"/>
    /// operations and <see cref="MaxBatchCharacters"/> characters of properties (a single larger row
    /// goes alone).
    /// </summary>
    internal static IEnumerable<List<TableTransactionAction>> Batches(IEnumerable<TableTransactionAction> actions)
    {
        var batch = new List<TableTransactionAction>();
        var characters = 0;
        foreach (var action in actions)
        {
            var size = action.Entity is TableEntity entity ? entity.Sum(p => p.Key.Length + ((p.Value as string)?.Length ?? 0)) : 0;
            if (batch.Count == MaxBatchOperations || (batch.Count > 0 && characters + size > MaxBatchCharacters))
            {
                yield return batch;
                batch = [];
                characters = 0;
            }

            batch.Add(action);
            characters += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static string Partition(string teamKey) => KeyEncoder.Encode(teamKey);

    // The rows already under a round's key: its row, or asks a create left when it stopped midway.
    private async Task<List<TableEntity>> ExistingRowsAsync(string partitionKey, string roundRowKey, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(RowKeys.StartingWith(partitionKey, roundRowKey), select: KeyAndKind, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    // A missing row is an answer (404), not an exception.
    private async Task<TableEntity?> ReadRowAsync(string partitionKey, string rowKey, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken);
        return row.HasValue ? row.Value : null;
    }
}
