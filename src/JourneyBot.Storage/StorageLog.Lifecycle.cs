using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

// Deleting maps and the retention scan (3300–3309): ids and counts only.
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Map {MapId} deleted: {Rows} rows of the map's table")]
    public static partial void MapDeleted(ILogger logger, string mapId, int rows);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Debug, Message = "The conversation holding map {MapId} changed while its hold was released: read again")]
    public static partial void HoldChanged(ILogger logger, string mapId);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning,
        Message = "Map {MapId} is past retention, but its team's key is a hash and cannot be read back: it is not removed")]
    public static partial void RetentionTeamUnknown(ILogger logger, string mapId);
}
