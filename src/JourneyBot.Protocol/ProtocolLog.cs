using JourneyBot.Protocol.Diagnostics;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Protocol;

/// <summary>
/// Every log line of the protocol layer. Activity ids, types and reasons only: no tokens, secrets
/// or user text at any level above Debug. Event ids are Protocol's range in docs/logging.md.
/// What a request names freely (an activity's type, an invoke's name) goes through
/// <see cref="LogSafe"/>, by the public methods over the generated ones (…As); ids are refused
/// at the edge when unprintable (<c>ActivityLimits</c>) and pass through it too.
/// </summary>
internal static partial class ProtocolLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Bot Framework token rejected: {Reason} ({ExceptionType}); {CountedBefore} more rejected since the previous warning (logged at Debug, 1110)")]
    public static partial void TokenRejected(ILogger logger, string exceptionType, string reason, int countedBefore);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Activity {ActivityId} refused: {Reason}")]
    public static partial void ActivityUnauthorized(ILogger logger, string? activityId, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Request refused with {Status}: {Reason}")]
    public static partial void RequestRefused(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Turn {ActivityType} {ActivityId} in channel {ChannelId}")]
    private static partial void TurnStartedAs(ILogger logger, string? activityType, string? activityId, string? channelId);

    public static void TurnStarted(ILogger logger, string? activityType, string? activityId, string? channelId)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var (type, id, channel) = (LogSafe.Text(activityType), LogSafe.Text(activityId), LogSafe.Text(channelId));
            TurnStartedAs(logger, type, id, channel);
        }
    }

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Turn {ActivityType} {ActivityId} failed")]
    private static partial void TurnFailedAs(ILogger logger, Exception exception, string? activityType, string? activityId);

    public static void TurnFailed(ILogger logger, Exception exception, string? activityType, string? activityId)
    {
        if (logger.IsEnabled(LogLevel.Error))
        {
            TurnFailedAs(logger, exception, LogSafe.Text(activityType), LogSafe.Text(activityId));
        }
    }

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Could not tell the user that turn {ActivityId} failed")]
    public static partial void ApologyFailed(ILogger logger, Exception exception, string? activityId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Invoke {InvokeName} not handled: answering 501")]
    private static partial void InvokeNotHandledAs(ILogger logger, string? invokeName);

    public static void InvokeNotHandled(ILogger logger, string? invokeName)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var name = LogSafe.Text(invokeName);
            InvokeNotHandledAs(logger, name);
        }
    }

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error, Message = "Sends after turn {ActivityType} {ActivityId} failed")]
    private static partial void SendsAfterAnswerFailedAs(ILogger logger, Exception exception, string? activityType, string? activityId);

    public static void SendsAfterAnswerFailed(ILogger logger, Exception exception, string? activityType, string? activityId)
    {
        if (logger.IsEnabled(LogLevel.Error))
        {
            SendsAfterAnswerFailedAs(logger, exception, LogSafe.Text(activityType), LogSafe.Text(activityId));
        }
    }

    [LoggerMessage(EventId = 1150, Level = LogLevel.Warning, Message = "Shutdown: {Pending} pieces of sending work still pending after the grace of {Grace} (BotHost:ShutdownGrace); given up")]
    public static partial void SendsGivenUpAtShutdown(ILogger logger, int pending, TimeSpan grace);

    [LoggerMessage(EventId = 1160, Level = LogLevel.Information, Message = "Conversation {ConversationHash} has {Bound} pieces of sending work waiting (BotHost:MaxQueuedPerConversation): turns are answered at once and what can be folded is folded until it drains")]
    public static partial void OutboxShedding(ILogger logger, string conversationHash, int bound);

    [LoggerMessage(EventId = 1161, Level = LogLevel.Information, Message = "Conversation {ConversationHash} is below its bound again: {Shed} turns' sends were folded, {Dropped} dropped while it was full")]
    public static partial void OutboxDrained(ILogger logger, string conversationHash, int shed, int dropped);

    [LoggerMessage(EventId = 1162, Level = LogLevel.Warning, Message = "Sends of turn {ActivityType} {ActivityId} dropped: conversation {ConversationHash} already has {HardCap} pieces of sending work waiting (4 x BotHost:MaxQueuedPerConversation)")]
    public static partial void OutboxDropped(ILogger logger, string? activityType, string? activityId, string conversationHash, int hardCap);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Error, Message = "Sends into conversation {ConversationHash} outside any turn failed")]
    public static partial void ProactiveSendsFailed(ILogger logger, Exception exception, string conversationHash);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Connector call answered {Status}; retry {Attempt} in {Delay}")]
    public static partial void ConnectorRetry(ILogger logger, int? status, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Debug, Message = "Bot Framework token rejected: {Reason} ({ExceptionType}); counted into the next warning (1001)")]
    public static partial void TokenRejectedCounted(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Information, Message = "Activity {ActivityId} refused with 403: channel '{ChannelId}' is not served (BotHost:AllowedChannels)")]
    public static partial void ChannelNotServed(ILogger logger, string? activityId, string? channelId);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Information, Message = "Activity {ActivityId} refused with 403: tenant '{TenantId}' is not served (BotHost:AllowedTenants)")]
    public static partial void TenantNotServed(ILogger logger, string? activityId, string? tenantId);

    [LoggerMessage(EventId = 1120, Level = LogLevel.Warning, Message = "Connector call to host {Host} refused: not on Connector:AllowedServiceHosts; no token was sent")]
    public static partial void ServiceUrlRefused(ILogger logger, string? host);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Warning, Message = "Connector call {Method} given up ({Reason}); last answer {Status}, budget {Budget}")]
    public static partial void ConnectorGaveUp(ILogger logger, string method, string reason, int? status, TimeSpan budget);

    [LoggerMessage(EventId = 1170, Level = LogLevel.Warning, Message = "Connector call {Method} given up: throttled (429) {ThrottledAnswers} times over {Elapsed}, past its budget {Budget} (ConnectorRetry:ThrottleBudget); the send is dropped")]
    public static partial void ThrottledCallGaveUp(ILogger logger, string method, int throttledAnswers, TimeSpan elapsed, TimeSpan budget);

    [LoggerMessage(EventId = 1140, Level = LogLevel.Warning, Message = "Turn {ActivityType} {ActivityId} cut off at its deadline ({TurnTimeout}, BotHost:TurnTimeout): answered without it")]
    private static partial void TurnDeadlinePassedAs(ILogger logger, string? activityType, string? activityId, TimeSpan turnTimeout);

    public static void TurnDeadlinePassed(ILogger logger, string? activityType, string? activityId, TimeSpan turnTimeout)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            TurnDeadlinePassedAs(logger, LogSafe.Text(activityType), LogSafe.Text(activityId), turnTimeout);
        }
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Authentication is OFF: MicrosoftAppId is not set, so /api/messages accepts requests without a token. Use this for local development only.")]
    public static partial void AuthenticationDisabled(ILogger logger);
}
