using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

/// <summary>The storage log lines of published versions (ids 3500–3509).</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 3500, Level = LogLevel.Information, Message = "Published version {Version} of map {MapId} let go whole: it is summarised")]
    public static partial void PublishedVersionSummarised(ILogger logger, string mapId, int version);
}
