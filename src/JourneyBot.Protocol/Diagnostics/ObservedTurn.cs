using System.Diagnostics;
using JourneyBot.Protocol.Turns;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Protocol.Diagnostics;

/// <summary>
/// What a turn, or the work it left for the outbox, leaves behind besides its effects: a span,
/// a log scope and, for a turn, its duration. Disposing ends all three.
/// </summary>
internal sealed class ObservedTurn : IDisposable
{
    private readonly TurnContext _turn;
    private readonly Activity? _span;
    private readonly IDisposable? _scope;
    private readonly ProtocolMetrics? _metrics;
    private readonly long _started = Stopwatch.GetTimestamp();
    private string? _errorType;

    private ObservedTurn(TurnContext turn, string spanName, ActivityLink? link, ILogger logger, ProtocolMetrics? metrics)
    {
        _turn = turn;
        _metrics = metrics;
        var scope = new TurnScope(turn);
        _scope = logger.BeginScope(scope);
        _span = link is { } turnLink
            ? ProtocolTelemetry.Source.StartActivity(spanName, ActivityKind.Internal, parentContext: default, links: [turnLink])
            : ProtocolTelemetry.Source.StartActivity(spanName, ActivityKind.Internal);
        if (_span is { IsAllDataRequested: true } span)
        {
            var activity = turn.Activity;
            span.SetTag(ProtocolTelemetry.ActivityType, activity.Type);
            span.SetTag(ProtocolTelemetry.InvokeName, InvokeNameOf(activity));
            span.SetTag(ProtocolTelemetry.Channel, activity.ChannelId);
            span.SetTag(ProtocolTelemetry.ConversationHashAttribute, scope.ConversationHash);
        }
    }

    /// <summary>Starts observing <paramref name="turn"/>: a span under the request's, a log scope, a clock.</summary>
    public static ObservedTurn Turn(TurnContext turn, ILogger logger, ProtocolMetrics metrics)
    {
        var observed = new ObservedTurn(turn, ProtocolTelemetry.TurnSpan, link: null, logger, metrics);
        turn.Span = observed._span?.Context ?? default; // what the turn leaves for later links to it
        return observed;
    }

    /// <summary>
    /// Starts observing work <paramref name="turn"/> handed to the outbox: a span of its own trace
    /// (the turn's request is answered by now) linked to the turn's span (<see cref="TurnContext.Span"/>),
    /// and the turn's log scope again.
    /// </summary>
    public static ObservedTurn DeferredSend(TurnContext turn, ILogger logger)
    {
        // The work inherits the request's ambient span; it is not part of that request any more.
        Activity.Current = null;
        return new(turn, ProtocolTelemetry.DeferredSendSpan,
            turn.Span == default ? null : new ActivityLink(turn.Span), logger, metrics: null);
    }

    /// <summary>
    /// Marks the turn failed by <paramref name="exception"/>: its type only, since messages and
    /// stack traces may quote what a member wrote.
    /// </summary>
    public void Failed(Exception exception)
    {
        _errorType = exception.GetType().FullName;
        _span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        _span?.SetTag(ProtocolTelemetry.ErrorType, _errorType);
    }

    public void Dispose()
    {
        _metrics?.TurnEnded(Stopwatch.GetElapsedTime(_started), _turn.Activity.Type, InvokeNameOf(_turn.Activity), _errorType);
        _span?.Dispose();
        _scope?.Dispose();
    }

    private static string? InvokeNameOf(Schema.Activity activity) =>
        activity.Type == Schema.ActivityTypes.Invoke ? activity.Name : null;
}
