using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace JourneyBot.Protocol.Diagnostics;

/// <summary>
/// The protocol layer's instruments, on the meter <c>JourneyBot.Protocol</c>: how long turns take,
/// what the connector is asked and answers, how long sends wait (retries, pacing), how much work
/// waits in the outbox.
/// </summary>
/// <remarks>
/// Recording on an instrument nobody listens to is a check of <c>Enabled</c>; the bot's own
/// figures (bench/README.md) are taken with nothing listening.
/// </remarks>
public sealed class ProtocolMetrics
{
    /// <summary>Turn duration, seconds, by activity type and invoke name (and <c>error.type</c> when it failed).</summary>
    public const string TurnDuration = "journeybot.turn.duration";

    /// <summary>Requests to the Bot Connector, each attempt, by method and status.</summary>
    public const string ConnectorRequests = "journeybot.connector.requests";

    /// <summary>Connector answers 429 (Too Many Requests), by method.</summary>
    public const string ConnectorThrottled = "journeybot.connector.throttled";

    /// <summary>Connector calls given up (dropped), by method and reason: <c>throttled</c> (past the throttle budget), <c>budget_spent</c>, <c>retries_spent</c>.</summary>
    public const string ConnectorGivenUp = "journeybot.connector.given_up";

    /// <summary>Seconds waited before retrying a connector call, by the status retried and whether the connector set Retry-After.</summary>
    public const string ConnectorRetryDelay = "journeybot.connector.retry.delay";

    /// <summary>Seconds a send into a conversation waited for its moment in the pacer.</summary>
    public const string ConnectorPacingDelay = "journeybot.connector.pacing.delay";

    /// <summary>Work handed to the outbox and not yet done (queued or running), all conversations.</summary>
    public const string OutboxQueued = "journeybot.outbox.queued";

    /// <summary>Turns whose sends were folded (shed) because their conversation's outbox was at its bound.</summary>
    public const string OutboxShed = "journeybot.outbox.shed";

    /// <summary>Turns whose sends were dropped because their conversation's outbox was at its hard cap.</summary>
    public const string OutboxDropped = "journeybot.outbox.dropped";

    // Turns and waits last milliseconds to seconds; Teams gives up on an answer after 15 s.
    private static readonly IReadOnlyList<double> Seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30];

    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _connectorRequests;
    private readonly Counter<long> _connectorThrottled;
    private readonly Counter<long> _connectorGivenUp;
    private readonly Histogram<double> _retryDelay;
    private readonly Histogram<double> _pacingDelay;
    private readonly UpDownCounter<long> _outboxQueued;
    private readonly Counter<long> _outboxShed;
    private readonly Counter<long> _outboxDropped;

    /// <summary>Creates the meter from the host's factory.</summary>
    public ProtocolMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(ProtocolTelemetry.Name);
        var seconds = new InstrumentAdvice<double> { HistogramBucketBoundaries = Seconds };
        _turnDuration = meter.CreateHistogram(TurnDuration, "s", "How long turns took, from the activity read to the HTTP answer.", advice: seconds);
        _connectorRequests = meter.CreateCounter<long>(ConnectorRequests, "{request}", "Requests to the Bot Connector, each attempt.");
        _connectorThrottled = meter.CreateCounter<long>(ConnectorThrottled, "{response}", "Connector answers 429 Too Many Requests.");
        _connectorGivenUp = meter.CreateCounter<long>(ConnectorGivenUp, "{call}", "Connector calls given up after their retries or budget.");
        _retryDelay = meter.CreateHistogram(ConnectorRetryDelay, "s", "Waits before retrying a connector call.", advice: seconds);
        _pacingDelay = meter.CreateHistogram(ConnectorPacingDelay, "s", "Waits of sends for their moment in the conversation's pacing.", advice: seconds);
        _outboxQueued = meter.CreateUpDownCounter<long>(OutboxQueued, "{work}", "Deferred sends queued or running in the outbox.");
        _outboxShed = meter.CreateCounter<long>(OutboxShed, "{turn}", "Turns whose sends were folded because their conversation's outbox was full.");
        _outboxDropped = meter.CreateCounter<long>(OutboxDropped, "{turn}", "Turns whose sends were dropped because their conversation's outbox was at its hard cap.");
    }

    internal void TurnEnded(TimeSpan elapsed, string? activityType, string? invokeName, string? errorType)
    {
        if (!_turnDuration.Enabled)
        {
            return;
        }

        var tags = new TagList { { ProtocolTelemetry.ActivityType, activityType } };
        if (invokeName is not null)
        {
            tags.Add(ProtocolTelemetry.InvokeName, invokeName);
        }

        if (errorType is not null)
        {
            tags.Add(ProtocolTelemetry.ErrorType, errorType);
        }

        _turnDuration.Record(elapsed.TotalSeconds, tags);
    }

    internal void ConnectorAnswered(string method, int? status, string? errorType)
    {
        var methodTag = new KeyValuePair<string, object?>("http.request.method", method);
        if (_connectorRequests.Enabled)
        {
            _connectorRequests.Add(1, methodTag, status is null
                ? new KeyValuePair<string, object?>(ProtocolTelemetry.ErrorType, errorType)
                : new KeyValuePair<string, object?>("http.response.status_code", status));
        }

        if (status == 429)
        {
            _connectorThrottled.Add(1, methodTag);
        }
    }

    internal void ConnectorGaveUp(string method, string reason) =>
        _connectorGivenUp.Add(1, new KeyValuePair<string, object?>("http.request.method", method), new KeyValuePair<string, object?>("journeybot.reason", reason));

    internal void RetryScheduled(int? status, TimeSpan delay, bool retryAfter) =>
        _retryDelay.Record(delay.TotalSeconds,
            new KeyValuePair<string, object?>("http.response.status_code", status),
            new KeyValuePair<string, object?>("journeybot.retry_after", retryAfter));

    internal void SendPaced(TimeSpan waited) => _pacingDelay.Record(waited.TotalSeconds);

    internal void OutboxChanged(int delta) => _outboxQueued.Add(delta);

    internal void TurnSendsShed() => _outboxShed.Add(1);

    internal void TurnSendsDropped() => _outboxDropped.Add(1);
}
