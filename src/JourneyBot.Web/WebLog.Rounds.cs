namespace JourneyBot.Web;

/// <summary>Log events of rounds of questions (4040–4049): ids and numbers only, never names or text.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 4040, Level = LogLevel.Warning, Message = "A question of round {Round} of map {MapId} could not be delivered")]
    public static partial void LogQuestionNotDelivered(ILogger logger, string mapId, int round, Exception exception);

    [LoggerMessage(EventId = 4041, Level = LogLevel.Debug, Message = "Reminded a member of round {Round} of map {MapId}")]
    public static partial void LogReminded(ILogger logger, string mapId, int round);

    [LoggerMessage(EventId = 4042, Level = LogLevel.Warning, Message = "A reminder of round {Round} of map {MapId} could not be sent")]
    public static partial void LogReminderNotSent(ILogger logger, string mapId, int round, Exception exception);

    [LoggerMessage(EventId = 4043, Level = LogLevel.Information, Message = "Round {Round} of map {MapId} closed at its deadline")]
    public static partial void LogRoundClosed(ILogger logger, string mapId, int round);

    [LoggerMessage(EventId = 4044, Level = LogLevel.Warning, Message = "Scheduled work {WorkId} of kind {Kind} names no round; dropped")]
    public static partial void LogNotARound(ILogger logger, string workId, string kind);
}
