using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

// The round store's lines (3030–3039), in a file of their own so that the map store's can grow apart.
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 3030, Level = LogLevel.Debug, Message = "Round {Number} of map {MapId} exists already: not created")]
    public static partial void RoundExists(ILogger logger, string mapId, int number);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Information,
        Message = "Round {Number} of map {MapId}: removed {Count} asks left by a create that stopped midway")]
    public static partial void LeftoverAsksRemoved(ILogger logger, string mapId, int number, int count);
}
