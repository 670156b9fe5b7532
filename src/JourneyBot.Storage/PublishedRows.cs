using Azure.Data.Tables;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Versions;

namespace JourneyBot.Storage;

/// <summary>
/// What a published version's rows say of it besides its document, so that the versions list without
/// reading any map or board: on each part row, when it was published, by whom and how many items it
/// holds; and the one <c>p~{map}~summary</c> row of the versions let go (<see cref="SummarisedVersions"/>).
/// </summary>
/// <remarks>"summary" sorts after every version's digits, inside the map's <c>p~</c> range, so it goes with the map.</remarks>
internal static class PublishedRows
{
    public const string SummaryKind = "published-summary";

    private const string PublishedAt = "PublishedAt";
    private const string PublishedBy = "PublishedBy";
    private const string Items = "Items";
    private const string Through = "Through";
    private const string FirstPublishedAt = "FirstPublishedAt";
    private const string LastPublishedAt = "LastPublishedAt";
    private const string LastItems = "LastItems";

    /// <summary>The properties a listing reads: no document.</summary>
    public static IReadOnlyList<string> ListProperties { get; } =
    [
        MapRows.KindProperty, MapRows.VersionProperty, MapRows.PartProperty, MapRows.PartsProperty, PublishedAt, PublishedBy, Items,
        Through, FirstPublishedAt, LastPublishedAt, LastItems,
    ];

    /// <summary>The summary row's key.</summary>
    public static string SummaryKey(string mapId) => RowKeys.Published(mapId) + "summary";

    /// <summary>Stamps a part row with what a listing shows of its version.</summary>
    public static TableEntity WithLine(TableEntity part, PublishedMap published)
    {
        part[PublishedAt] = published.Map.PublishedAt ?? DateTimeOffset.UnixEpoch;
        part[PublishedBy] = published.Map.PublishedBy?.Name ?? string.Empty;
        part[Items] = published.Board.Items.Count;
        return part;
    }

    /// <summary>The summary row.</summary>
    public static TableEntity Summary(string partitionKey, string mapId, SummarisedVersions summary) => new(partitionKey, SummaryKey(mapId))
    {
        [MapRows.KindProperty] = SummaryKind,
        [MapRows.MapIdProperty] = mapId,
        [Through] = summary.Through,
        [FirstPublishedAt] = summary.FirstPublishedAt,
        [LastPublishedAt] = summary.LastPublishedAt,
        [LastItems] = summary.LastItems,
    };

    /// <summary>The versions in the rows of a listing: complete ones only (a version lacking a part is not listed), and the summary.</summary>
    public static PublishedVersions Read(IReadOnlyList<TableEntity> rows)
    {
        var summaryRow = rows.FirstOrDefault(r => r.GetString(MapRows.KindProperty) == SummaryKind);
        var summary = summaryRow is null
            ? null
            : new SummarisedVersions(summaryRow.GetInt32(Through) ?? 0, summaryRow.GetDateTimeOffset(FirstPublishedAt) ?? DateTimeOffset.UnixEpoch,
                summaryRow.GetDateTimeOffset(LastPublishedAt) ?? DateTimeOffset.UnixEpoch, summaryRow.GetInt32(LastItems) ?? 0);
        var kept = rows.Where(r => r.GetString(MapRows.KindProperty) == MapRows.PublishedKind && r.GetInt32(MapRows.VersionProperty) is not null)
            .GroupBy(r => r.GetInt32(MapRows.VersionProperty)!.Value)
            .Where(g => g.Key > (summary?.Through ?? 0) && Complete(g))
            .Select(g => g.First(r => r.GetInt32(MapRows.PartProperty) == 0))
            // Versions kept before their rows said when: their row's own stamp is when they were written.
            .Select(r => new VersionLine(r.GetInt32(MapRows.VersionProperty)!.Value, r.GetDateTimeOffset(PublishedAt) ?? r.Timestamp ?? DateTimeOffset.UnixEpoch,
                r.GetString(PublishedBy) ?? string.Empty, r.GetInt32(Items) ?? 0))
            .OrderBy(v => v.Number)
            .ToList();
        return new PublishedVersions(kept, summary);
    }

    /// <summary>
    /// Whether a version's rows hold parts 0 to the count part 0 names, as <c>GetPublishedAsync</c> reads them:
    /// parts left past that count by an earlier, longer write of the same version are ignored.
    /// </summary>
    private static bool Complete(IEnumerable<TableEntity> version)
    {
        var rows = version.ToList();
        var parts = rows.Select(r => r.GetInt32(MapRows.PartProperty)).OfType<int>().ToHashSet();
        var first = rows.FirstOrDefault(r => r.GetInt32(MapRows.PartProperty) == 0)?.GetInt32(MapRows.PartsProperty) ?? 0;
        return first > 0 && Enumerable.Range(0, first).All(parts.Contains);
    }
}
