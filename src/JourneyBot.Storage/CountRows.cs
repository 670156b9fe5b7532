using System.Text.Json;
using Azure.Data.Tables;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage;

/// <summary>
/// The rows that keep a map's counts (<see cref="MapCounts"/>): one per author
/// (<c>m~{map}~n~{person}</c>, the <see cref="AuthorCounts"/> as JSON over <c>Doc0…</c>), written in
/// the same transaction as the author's item, and one row (<c>m~{map}~n</c>) that says the counts
/// cover every item of the map: a map stored before counts were kept has none, and its counts are
/// made once from its items.
/// </summary>
internal static class CountRows
{
    public const string CountsKind = "counts";
    public const string CountsKeptKind = "countsKept";

    /// <summary>What <paramref name="counts"/> says of its author, as a row.</summary>
    public static TableEntity Author(string partitionKey, string mapId, AuthorCounts counts)
    {
        var entity = new TableEntity(partitionKey, RowKeys.AuthorCounts(mapId, counts.Author.Id))
        {
            [MapRows.KindProperty] = CountsKind,
            [MapRows.PersonIdProperty] = counts.Author.Id,
        };
        DocumentColumns.Write(entity, JsonSerializer.Serialize(counts, MapJson.Storage.AuthorCounts));
        return entity;
    }

    /// <summary>Set on the <see cref="Kept"/> row by a write that gave up updating its author's counts: they are made again.</summary>
    public const string StaleProperty = "Stale";

    /// <summary>
    /// The row that says the map's counts cover all its items; <paramref name="stale"/>: they do not,
    /// an item was written without them (see <see cref="StaleProperty"/>).
    /// </summary>
    public static TableEntity Kept(string partitionKey, string mapId, bool stale = false)
    {
        var entity = new TableEntity(partitionKey, RowKeys.CountsKept(mapId)) { [MapRows.KindProperty] = CountsKeptKind };
        if (stale)
        {
            entity[StaleProperty] = true;
        }

        return entity;
    }

    /// <summary>The counts in an author's row.</summary>
    public static AuthorCounts Read(TableEntity entity) =>
        DocumentColumns.Read(entity) is { } json && JsonSerializer.Deserialize(json, MapJson.Storage.AuthorCounts) is { } counts
            ? counts
            : throw new InvalidOperationException($"Counts row {entity.RowKey} has no document.");
}
