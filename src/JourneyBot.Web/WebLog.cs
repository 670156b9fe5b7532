namespace JourneyBot.Web;

/// <summary>
/// Every log line of the web host: kinds and statuses, never member text. Event ids are Web's
/// range in docs/logging.md.
/// </summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Could not update a progress card")]
    public static partial void LogUpdateFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Could not send gathered confirmations")]
    public static partial void LogSendFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Could not delete a progress card posted again below; it stays and no longer updates")]
    public static partial void LogOldProgressCardKept(ILogger logger, Exception exception);
}
