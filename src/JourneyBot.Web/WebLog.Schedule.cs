namespace JourneyBot.Web;

// The schedule runner's lines (Scheduling/): work ids and kinds, never payloads above Debug.
// Event ids 4101 on, a block of their own in Web's range.
internal static partial class WebLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "The schedule is polled every {PollInterval} by {Owner}, for the kinds {Kinds}")]
    public static partial void LogSchedulePolled(ILogger logger, TimeSpan pollInterval, string owner, string kinds);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "No kind of due work is handled: the schedule is not polled")]
    public static partial void LogScheduleIdle(ILogger logger);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Could not poll the schedule; trying again at the next poll")]
    public static partial void LogSchedulePollFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Due work {WorkId} ({Kind}) is taken over from a claim that ran out (an instance stopped or stalled before marking it done): attempt {Attempt} may do it a second time")]
    public static partial void LogDueWorkMayRepeat(ILogger logger, string workId, string kind, int attempt);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Due work {WorkId} is of kind {Kind}, which no handler does: removed")]
    public static partial void LogDueWorkUnknownKind(ILogger logger, string workId, string kind);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Due work {WorkId} ({Kind}) failed on attempt {Attempt}; it is tried again at {RetryAt}")]
    public static partial void LogDueWorkRetried(ILogger logger, Exception exception, string workId, string kind, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Error, Message = "Due work {WorkId} ({Kind}) failed {Attempts} times: given up and removed")]
    public static partial void LogDueWorkGivenUp(ILogger logger, Exception? exception, string workId, string kind, int attempts);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information, Message = "Due work {WorkId} ({Kind}) was interrupted by the host stopping; another instance takes it over once its lease runs out")]
    public static partial void LogDueWorkInterrupted(ILogger logger, string workId, string kind);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Information, Message = "Due work {WorkId} ({Kind}) was done after its claim was lost (its lease ran out, or it was cancelled or scheduled again meanwhile)")]
    public static partial void LogDueWorkClaimLost(ILogger logger, string workId, string kind);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Could not record the outcome of due work {WorkId} ({Kind}); it is taken again once its lease runs out")]
    public static partial void LogDueWorkNotRecorded(ILogger logger, Exception exception, string workId, string kind);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Debug, Message = "Doing due work {WorkId} ({Kind}), attempt {Attempt}: {Payload}")]
    public static partial void LogDueWorkStarting(ILogger logger, string workId, string kind, int attempt, string payload);
}
