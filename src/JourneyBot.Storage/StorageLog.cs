using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

/// <summary>
/// Every log line of the storage layer: ids, table names and statuses, never user text. Event ids
/// are Storage's range in docs/logging.md.
/// </summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Table {TableName} is ready")]
    public static partial void TableReady(ILogger logger, string tableName);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Map {MapId} changed since it was read: not saved")]
    public static partial void SaveConflict(ILogger logger, string mapId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "The conversation changed before map {MapId} could be placed in it")]
    public static partial void PlaceConflict(ILogger logger, string mapId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Item {ItemId} of map {MapId} exists already")]
    public static partial void DuplicateItem(ILogger logger, string mapId, string itemId);

    [LoggerMessage(EventId = 3400, Level = LogLevel.Warning, Message = "Published version {Version} of map {MapId} lacks parts: not shown")]
    public static partial void PublishedVersionIncomplete(ILogger logger, string mapId, int version);
}
