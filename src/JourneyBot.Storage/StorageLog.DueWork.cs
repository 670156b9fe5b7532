using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

// The due-work table's lines: ids only (a work id is made of ids, never text), never payloads.
// Event ids 3101 on, a block of their own in Storage's range.
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Due work {WorkId} was claimed elsewhere, or went, before this instance could claim it")]
    public static partial void DueWorkClaimLost(ILogger logger, string workId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug, Message = "Due work {WorkId} changed or went while claimed: the claim was lost")]
    public static partial void DueWorkClaimGone(ILogger logger, string workId);
}
