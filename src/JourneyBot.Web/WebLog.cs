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

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Microsoft Graph refused to read profiles (403): the app lacks the application permission User.Read.All with admin consent. Members are asked for their department instead.")]
    public static partial void LogProfilesForbidden(ILogger logger);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Microsoft Graph answered {Status} for a member's profile; the member is asked for their department")]
    public static partial void LogProfileNotRead(ILogger logger, int status);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Could not read a member's profile from Microsoft Graph ({ExceptionType}); the member is asked for their department")]
    public static partial void LogProfileUnread(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Could not point a progress card to its copy posted further down; it stays as it was")]
    public static partial void LogOldProgressCardKept(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Debug, Message = "Started a 1:1 chat with a member and kept it on their row")]
    public static partial void LogPersonalChatStarted(ILogger logger);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Information, Message = "Teams refused a 1:1 chat with a member (403 {ErrorCode}): the member blocked the bot or the app is not allowed for them")]
    public static partial void LogPersonalChatRefused(ILogger logger, string? errorCode);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Information, Message = "Teams does not know a member to start a 1:1 chat with (404): they left")]
    public static partial void LogPersonalChatMemberGone(ILogger logger);

    [LoggerMessage(EventId = 4023, Level = LogLevel.Debug, Message = "Read a roster of {Count} members with their rows")]
    public static partial void LogRosterRead(ILogger logger, int count);

    [LoggerMessage(EventId = 4024, Level = LogLevel.Information, Message = "A roster has more than {Max} members: listing stopped")]
    public static partial void LogRosterOverLimit(ILogger logger, int max);
}
