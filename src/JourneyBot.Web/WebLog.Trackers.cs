namespace JourneyBot.Web;

/// <summary>Log events of the Planner tracker (4150–4159): ids, numbers and statuses only, never titles or names.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 4150, Level = LogLevel.Warning,
        Message = "Graph refused a Planner call (403): the bot's app needs the application permission {Permission}, with an admin's consent")]
    public static partial void LogPlannerForbidden(ILogger logger, string permission);

    [LoggerMessage(EventId = 4151, Level = LogLevel.Warning, Message = "A Planner call ({Call}) answered {Status}")]
    public static partial void LogPlannerFailed(ILogger logger, string call, int status);

    [LoggerMessage(EventId = 4152, Level = LogLevel.Warning, Message = "A Planner call ({Call}) failed: {Error}")]
    public static partial void LogPlannerUnreachable(ILogger logger, string call, string error);

    [LoggerMessage(EventId = 4153, Level = LogLevel.Warning, Message = "Planner task {TaskId} was created but its description could not be set (status {Status})")]
    public static partial void LogPlannerDescriptionNotSet(ILogger logger, string taskId, int status);

    [LoggerMessage(EventId = 4154, Level = LogLevel.Debug, Message = "Read back {Read} Planner tasks of map {MapId}: {Done} done, {Open} still open")]
    public static partial void LogTrackerSynced(ILogger logger, string mapId, int read, int done, int open);

    [LoggerMessage(EventId = 4155, Level = LogLevel.Warning, Message = "Scheduled work {WorkId} of kind {Kind} names no map; dropped")]
    public static partial void LogNotATrackerSync(ILogger logger, string workId, string kind);

    [LoggerMessage(EventId = 4156, Level = LogLevel.Warning, Message = "The read-back of map {MapId}'s Planner tasks stopped ({Failure}); the next pass reads them again")]
    public static partial void LogTrackerSyncStopped(ILogger logger, string mapId, string failure);

    [LoggerMessage(EventId = 4157, Level = LogLevel.Information, Message = "Told map {MapId}'s conversation that Planner needs the permission {Permission}")]
    public static partial void LogTrackerPermissionTold(ILogger logger, string mapId, string permission);

    [LoggerMessage(EventId = 4158, Level = LogLevel.Warning, Message = "Could not tell map {MapId}'s conversation that Planner needs a permission")]
    public static partial void LogTrackerPermissionNotTold(ILogger logger, string mapId, Exception exception);
}
