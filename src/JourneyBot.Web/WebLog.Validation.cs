namespace JourneyBot.Web;

/// <summary>Log events of validation rounds (4200–4209): ids and numbers only, never names or text.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning,
        Message = "A card of validation round {Number} of map {MapId} could not be delivered: Teams would not reach the member")]
    public static partial void LogValidationCardNotDelivered(ILogger logger, string mapId, int number);

    // 4135–4139: the facilitator told of the members a validation round did not reach.
    [LoggerMessage(EventId = 4135, Level = LogLevel.Information,
        Message = "The facilitator of validation round {Number} of map {MapId} was told of {Count} members Teams would not reach")]
    public static partial void LogNotReachedTold(ILogger logger, string mapId, int number, int count);

    [LoggerMessage(EventId = 4136, Level = LogLevel.Warning,
        Message = "The facilitator of validation round {Number} of map {MapId} could not be told of the members Teams would not reach")]
    public static partial void LogNotReachedNotTold(ILogger logger, string mapId, int number, Exception? exception);

    // The exception's type and the connector's status only: its message may quote what the connector answered.
    [LoggerMessage(EventId = 4137, Level = LogLevel.Warning,
        Message = "A card of validation round {Number} of map {MapId} could not be delivered for now ({Status}, {Failure}): not told as not reached; the member's reminder and the deadline summary still follow")]
    public static partial void LogValidationCardFailedForNow(ILogger logger, string mapId, int number, int? status, string failure);

    // 4240–4244: validation rounds' reminders and deadlines on the schedule.
    [LoggerMessage(EventId = 4240, Level = LogLevel.Warning, Message = "Scheduled work {WorkId} of kind {Kind} is not about a validation round: dropped")]
    public static partial void LogNotAValidation(ILogger logger, string workId, string kind);

    [LoggerMessage(EventId = 4241, Level = LogLevel.Information, Message = "A member of validation round {Number} of map {MapId} was reminded")]
    public static partial void LogValidationReminded(ILogger logger, string mapId, int number);

    [LoggerMessage(EventId = 4242, Level = LogLevel.Warning,
        Message = "A reminder of validation round {Number} of map {MapId} could not be sent: Teams would not reach the member")]
    public static partial void LogValidationReminderNotSent(ILogger logger, string mapId, int number, Exception? exception);

    [LoggerMessage(EventId = 4243, Level = LogLevel.Information, Message = "Validation round {Number} of map {MapId} closed at its deadline; summary sent: {Sent}")]
    public static partial void LogValidationClosed(ILogger logger, string mapId, int number, bool sent);

    [LoggerMessage(EventId = 4244, Level = LogLevel.Warning,
        Message = "The summary of validation round {Number} of map {MapId} could not be sent: Teams would not reach the facilitator")]
    public static partial void LogValidationSummaryNotSent(ILogger logger, string mapId, int number, Exception? exception);
}
