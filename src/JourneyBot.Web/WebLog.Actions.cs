namespace JourneyBot.Web;

/// <summary>Log events of owned actions (4140–4149): ids only, never names or text.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 4140, Level = LogLevel.Debug, Message = "Sent the owner's card of action {ActionId} of map {MapId}")]
    public static partial void LogOwnerCardSent(ILogger logger, string mapId, string actionId);

    [LoggerMessage(EventId = 4141, Level = LogLevel.Information, Message = "The owner of action {ActionId} of map {MapId} could not be reached in a 1:1 chat ({Result})")]
    public static partial void LogOwnerNotReached(ILogger logger, string mapId, string actionId, string result);

    [LoggerMessage(EventId = 4142, Level = LogLevel.Warning, Message = "The owner's card of action {ActionId} of map {MapId} could not be delivered")]
    public static partial void LogOwnerCardNotDelivered(ILogger logger, string mapId, string actionId, Exception exception);

    [LoggerMessage(EventId = 4143, Level = LogLevel.Debug, Message = "Action {ActionId} of map {MapId} is no longer stored; its owner is not told")]
    public static partial void LogOwnerActionGone(ILogger logger, string mapId, string actionId);
}
