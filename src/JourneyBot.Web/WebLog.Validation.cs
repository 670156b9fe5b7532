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
}
