using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

// Taking a map off the shelf or out of another conversation (3200–3209).
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Debug, Message = "Map {MapId} was taken elsewhere, or the conversation changed, before it could be taken: not taken")]
    public static partial void TakeConflict(ILogger logger, string mapId);
}
