using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

// Log event ids 3505–3514: the counts kept beside a map's items.
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 3505, Level = LogLevel.Debug, Message = "The counts of map {MapId} changed while an item was written: read again")]
    public static partial void CountsChanged(ILogger logger, string mapId);

    [LoggerMessage(EventId = 3507, Level = LogLevel.Information,
        Message = "The counts of map {MapId} kept changing: an item was written without them, and they are made again at the next read")]
    public static partial void CountsGivenUp(ILogger logger, string mapId);

    [LoggerMessage(EventId = 3506, Level = LogLevel.Information, Message = "Map {MapId} had no counts: made from its {Items} items, once")]
    public static partial void CountsMade(ILogger logger, string mapId, int items);
}
