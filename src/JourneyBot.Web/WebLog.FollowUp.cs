namespace JourneyBot.Web;

/// <summary>Log events of the follow-up of actions (4160–4169): ids and counts only, never names or text.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 4160, Level = LogLevel.Warning, Message = "Scheduled work {WorkId} of kind {Kind} names no map to follow up; dropped")]
    public static partial void LogNotAFollowUp(ILogger logger, string workId, string kind);

    [LoggerMessage(EventId = 4161, Level = LogLevel.Information,
        Message = "Followed up map {MapId}: {Reminders} reminders, {Digests} digest, {Questions} re-map questions; next pass {NextAt}")]
    public static partial void LogFollowedUp(ILogger logger, string mapId, int reminders, int digests, int questions, DateTimeOffset? nextAt);

    [LoggerMessage(EventId = 4162, Level = LogLevel.Warning, Message = "The reminder for action {ActionId} of map {MapId} could not reach its owner")]
    public static partial void LogReminderNotDelivered(ILogger logger, string mapId, string actionId, Exception? exception);

    [LoggerMessage(EventId = 4163, Level = LogLevel.Warning, Message = "The follow-up of map {MapId} could not be scheduled after a turn changed its actions")]
    public static partial void LogFollowUpNotScheduled(ILogger logger, string mapId, Exception exception);
}
