namespace JourneyBot.Web;

/// <summary>Log events of a team's data over time (4300–4309): uninstall and retention, counts and ids only.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "The bot was removed from a team: {Archived} maps being made there were archived and their rounds stopped")]
    public static partial void LogTeamSessionsClosed(ILogger logger, int archived);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Retention pass: {Deleted} finished maps unchanged for {Days} days deleted")]
    public static partial void LogRetentionPass(ILogger logger, int deleted, int days);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Retention pass failed; the next pass tries again")]
    public static partial void LogRetentionPassFailed(ILogger logger, Exception exception);
}
