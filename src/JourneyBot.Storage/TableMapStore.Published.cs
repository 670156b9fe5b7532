using System.Text.Json;
using Azure.Data.Tables;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Versions;

namespace JourneyBot.Storage;

/// <summary>The shelf line alone, and the published versions of a map (<c>p~{map}~{version}~{part}</c> rows).</summary>
public sealed partial class TableMapStore
{
    /// <inheritdoc />
    /// <remarks>One point read of the <c>m~</c> row, selecting the summary properties (not the document).</remarks>
    public async Task<MapSummary?> GetMapSummaryAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        await ReadRowAsync(Partition(teamKey), RowKeys.Shelf(mapId), MapRows.SummaryProperties, cancellationToken) is { } row
            ? MapRows.ReadSummary(row)
            : null;

    /// <inheritdoc />
    /// <remarks>
    /// One upsert per part of <see cref="DocumentColumns.MaxLength"/> characters: one for most maps. Not a
    /// transaction (a full board may pass its 4 MiB): the map naming the version afterwards is what commits it.
    /// </remarks>
    public async Task PutPublishedAsync(string teamKey, string mapId, int version, PublishedMap published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        var json = JsonSerializer.Serialize(published, MapJson.Storage.PublishedMap);
        var slices = DocumentColumns.Cut(json, DocumentColumns.MaxLength).ToList();
        for (var part = 0; part < slices.Count; part++)
        {
            var row = PublishedRows.WithLine(MapRows.PublishedPart(Partition(teamKey), mapId, version, part, slices.Count, slices[part]), published);
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <inheritdoc />
    /// <remarks>One range query over the version's parts, which sort in order.</remarks>
    public async Task<PublishedMap?> GetPublishedAsync(string teamKey, string mapId, int version, CancellationToken cancellationToken)
    {
        var slices = new List<string>();
        var parts = 0;
        var filter = RowKeys.StartingWith(Partition(teamKey), RowKeys.PublishedVersion(mapId, version));
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            parts = slices.Count == 0 ? row.GetInt32(MapRows.PartsProperty) ?? 0 : parts;
            if (row.GetInt32(MapRows.PartProperty) == slices.Count && slices.Count < parts)
            {
                slices.Add(DocumentColumns.Read(row) ?? string.Empty);
            }
        }

        if (slices.Count == 0 || slices.Count != parts)
        {
            if (slices.Count > 0)
            {
                StorageLog.PublishedVersionIncomplete(logger, mapId, version);
            }

            return null;
        }

        return JsonSerializer.Deserialize(string.Concat(slices), MapJson.Storage.PublishedMap);
    }

    /// <inheritdoc />
    /// <remarks>One range query over the map's <c>p~</c> rows, selecting what a list shows (no documents).</remarks>
    public async Task<PublishedVersions> ListPublishedAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        var filter = RowKeys.StartingWith(Partition(teamKey), RowKeys.Published(mapId));
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: PublishedRows.ListProperties, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return PublishedRows.Read(rows);
    }

    /// <inheritdoc />
    /// <remarks>One upsert of the summary, one range query for the versions' numbers, then the deletes of each version at or below it (usually one).</remarks>
    public async Task SummarisePublishedAsync(string teamKey, string mapId, SummarisedVersions summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var partition = Partition(teamKey);
        await table.UpsertEntityAsync(PublishedRows.Summary(partition, mapId, summary), TableUpdateMode.Replace, cancellationToken);
        var numbers = new SortedSet<int>();
        var filter = RowKeys.StartingWith(partition, RowKeys.Published(mapId));
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: [MapRows.VersionProperty], cancellationToken: cancellationToken))
        {
            if (row.GetInt32(MapRows.VersionProperty) is { } number && number <= summary.Through)
            {
                numbers.Add(number);
            }
        }

        foreach (var version in numbers)
        {
            await RowDeletion.DeleteStartingWithAsync(table, partition, RowKeys.PublishedVersion(mapId, version), cancellationToken);
            StorageLog.PublishedVersionSummarised(logger, mapId, version);
        }
    }
}
