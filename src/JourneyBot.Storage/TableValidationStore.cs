using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using JourneyBot.Conversation.Validation;

namespace JourneyBot.Storage;

/// <summary>Validation rounds, their members' answers, contradictions and the evidence history, in the maps' table and the team's partition.</summary>
/// <remarks>
/// <para>Rows, PartitionKey = the encoded team key, all under <c>ev~{map}~</c> (so one range query
/// deletes them with the map, and none starts with a prefix the map or round store queries):
/// <c>ev~{map}~r~{countdown}</c> is a round (Kind <c>vround</c>), <c>ev~{map}~r~{countdown}~a~{person}</c>
/// a member asked in it with their answers (Kind <c>vask</c>), <c>ev~{map}~c~{item}</c> an item's
/// contradiction (Kind <c>contradiction</c>), <c>ev~{map}~h~{change}</c> one change of the evidence
/// history (Kind <c>evidence</c>), only ever added. The countdown is 9999 less the round's number in
/// four digits, so a map's newest round sorts first. Each row holds its JSON
/// (<see cref="ValidationJson.Storage"/>) in <c>Doc</c>: the largest, an ask with ten answers and
/// their proof, stays far below a property's 64 KiB.</para>
/// <para>A round's asks are written first and its row last, as the round store does; reads of asks
/// check the round's row.</para>
/// </remarks>
/// <param name="table">The maps' table; created at start-up by the hosted initializer.</param>
public sealed class TableValidationStore(TableClient table) : IValidationStore
{
    private const string RoundKind = "vround", AskKind = "vask", ContradictionKind = "contradiction", ChangeKind = "evidence", Doc = "Doc";
    private const int MaxNumber = 9999;
    private static readonly string[] KindOnly = [MapRows.KindProperty];

    /// <inheritdoc />
    /// <remarks>The asks upserted in transactions of at most 100, then the round's row added: 409 means it was there.</remarks>
    public async Task<bool> TryCreateAsync(string teamKey, ValidationRound round, IReadOnlyList<ValidationAsk> asks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(asks);
        var partition = Partition(teamKey);
        var roundKey = RoundKey(round.MapId, round.Number);
        var rows = asks.Select(a => Row(partition, AskKey(round.MapId, round.Number, a.Member.Id), AskKind, Write(a))).ToList();
        if (rows.DistinctBy(r => r.RowKey, StringComparer.Ordinal).Count() != rows.Count)
        {
            throw new ArgumentException("A member is asked twice in the round.", nameof(asks));
        }

        if (await ReadAsync(partition, roundKey, KindOnly, cancellationToken) is not null)
        {
            return false;
        }

        foreach (var batch in rows.Chunk(TableRoundStore.MaxBatchOperations))
        {
            await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
        }

        return await TryAddAsync(Row(partition, roundKey, RoundKind, Write(round)), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ValidationRound?> GetAsync(string teamKey, string mapId, int number, CancellationToken cancellationToken) =>
        await ReadAsync(Partition(teamKey), RoundKey(mapId, number), null, cancellationToken) is { } row ? Read<ValidationRound>(row) : null;

    /// <inheritdoc />
    /// <remarks>One range query over the map's rounds, stopped at the first round row: the newest, as the countdown sorts them.</remarks>
    public async Task<ValidationRound?> GetLatestAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        var filter = $"{RowKeys.StartingWith(Partition(teamKey), Rounds(mapId))} and {MapRows.KindProperty} eq '{RoundKind}'";
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return Read<ValidationRound>(row);
        }

        return null;
    }

    /// <inheritdoc />
    public async Task PutAsync(string teamKey, ValidationRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        await table.UpsertEntityAsync(Row(Partition(teamKey), RoundKey(round.MapId, round.Number), RoundKind, Write(round)), TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One range query: the round's row and its asks, which share its key as prefix.</remarks>
    public async Task<IReadOnlyList<ValidationAsk>> ListAsksAsync(string teamKey, string mapId, int number, CancellationToken cancellationToken)
    {
        var asks = new List<ValidationAsk>();
        var found = false;
        await foreach (var row in table.QueryAsync<TableEntity>(RowKeys.StartingWith(Partition(teamKey), RoundKey(mapId, number)), cancellationToken: cancellationToken))
        {
            found |= row.GetString(MapRows.KindProperty) == RoundKind;
            if (row.GetString(MapRows.KindProperty) == AskKind)
            {
                asks.Add(Read<ValidationAsk>(row));
            }
        }

        return found ? [.. asks.OrderBy(a => a.Member.Id, StringComparer.Ordinal)] : [];
    }

    /// <inheritdoc />
    /// <remarks>Two point reads at once: the ask, and the round's row to know the round is there.</remarks>
    public async Task<ValidationAsk?> GetAskAsync(string teamKey, string mapId, int number, string memberId, CancellationToken cancellationToken)
    {
        var partition = Partition(teamKey);
        var round = ReadAsync(partition, RoundKey(mapId, number), KindOnly, cancellationToken);
        var ask = ReadAsync(partition, AskKey(mapId, number, memberId), null, cancellationToken);
        await Task.WhenAll(round, ask);
        return await round is not null && await ask is { } row ? Read<ValidationAsk>(row) : null;
    }

    /// <inheritdoc />
    public async Task PutAskAsync(string teamKey, string mapId, int number, ValidationAsk ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        await table.UpsertEntityAsync(Row(Partition(teamKey), AskKey(mapId, number, ask.Member.Id), AskKind, Write(ask)), TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One add: 409 means the item is flagged already.</remarks>
    public Task<bool> TryFlagAsync(string teamKey, Contradiction contradiction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contradiction);
        return TryAddAsync(Row(Partition(teamKey), ContradictionKey(contradiction.MapId, contradiction.ItemId), ContradictionKind, Write(contradiction)),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Contradiction?> GetContradictionAsync(string teamKey, string mapId, string itemId, CancellationToken cancellationToken) =>
        await ReadAsync(Partition(teamKey), ContradictionKey(mapId, itemId), null, cancellationToken) is { } row ? Read<Contradiction>(row) : null;

    /// <inheritdoc />
    public async Task PutContradictionAsync(string teamKey, Contradiction contradiction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contradiction);
        await table.UpsertEntityAsync(Row(Partition(teamKey), ContradictionKey(contradiction.MapId, contradiction.ItemId), ContradictionKind, Write(contradiction)),
            TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One add, never an upsert: a change is never replaced; 409 means the same change is there.</remarks>
    public Task<bool> AppendAsync(string teamKey, EvidenceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return TryAddAsync(Row(Partition(teamKey), ChangeKey(change.MapId, change.Id), ChangeKind, Write(change)), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One range query over the map's history rows.</remarks>
    public async Task<IReadOnlyList<EvidenceChange>> ListChangesAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        var changes = new List<EvidenceChange>();
        await foreach (var row in table.QueryAsync<TableEntity>(RowKeys.StartingWith(Partition(teamKey), Changes(mapId)), cancellationToken: cancellationToken))
        {
            changes.Add(Read<EvidenceChange>(row));
        }

        return [.. changes.OrderBy(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public Task DeleteAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        RowDeletion.DeleteStartingWithAsync(table, Partition(teamKey), Map(mapId), cancellationToken);

    private async Task<bool> TryAddAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private async Task<TableEntity?> ReadAsync(string partitionKey, string rowKey, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private static TableEntity Row(string partition, string rowKey, string kind, string json) =>
        new(partition, rowKey) { [MapRows.KindProperty] = kind, [Doc] = json };

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, typeof(T), ValidationJson.Storage);

    private static T Read<T>(TableEntity row) => (T)JsonSerializer.Deserialize(row.GetString(Doc), typeof(T), ValidationJson.Storage)!;

    private static string Partition(string teamKey) => KeyEncoder.Encode(teamKey);

    private static string Map(string mapId) => "ev~" + KeyEncoder.Encode(mapId) + KeyEncoder.Separator;

    private static string Rounds(string mapId) => Map(mapId) + "r~";

    private static string RoundKey(string mapId, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, MaxNumber);
        return Rounds(mapId) + (MaxNumber - number).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string AskKey(string mapId, int number, string memberId) => RoundKey(mapId, number) + "~a~" + KeyEncoder.Encode(memberId);

    private static string ContradictionKey(string mapId, string itemId) => Map(mapId) + "c~" + KeyEncoder.Encode(itemId);

    private static string Changes(string mapId) => Map(mapId) + "h~";

    private static string ChangeKey(string mapId, string changeId) => Changes(mapId) + KeyEncoder.Encode(changeId);
}
