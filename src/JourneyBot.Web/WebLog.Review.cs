namespace JourneyBot.Web;

/// <summary>Log events of maps' "Still true?" reviews (4210–4219): ids and counts only, never names or text.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 4210, Level = LogLevel.Information,
        Message = "Reviewed map {MapId}: {Sent} of {Cards} \"Still true?\" cards delivered; next review {NextAt}")]
    public static partial void LogReviewed(ILogger logger, string mapId, int sent, int cards, DateTimeOffset? nextAt);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Warning, Message = "Scheduled work {WorkId} of kind {Kind} names no map to review; dropped")]
    public static partial void LogNotAReview(ILogger logger, string workId, string kind);

    [LoggerMessage(EventId = 4212, Level = LogLevel.Warning, Message = "A \"Still true?\" card of map {MapId} could not reach the person it was for")]
    public static partial void LogReviewNotDelivered(ILogger logger, string mapId, Exception? exception);

    [LoggerMessage(EventId = 4213, Level = LogLevel.Warning, Message = "The review {WorkId} could not be scheduled after a turn set it")]
    public static partial void LogReviewNotScheduled(ILogger logger, string workId, Exception exception);
}
