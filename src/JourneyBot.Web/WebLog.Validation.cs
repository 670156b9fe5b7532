namespace JourneyBot.Web;

/// <summary>Log events of validation rounds (4200–4209): ids and numbers only, never names or text.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning,
        Message = "A card of validation round {Number} of map {MapId} could not be delivered: Teams would not reach the member")]
    public static partial void LogValidationCardNotDelivered(ILogger logger, string mapId, int number);
}
