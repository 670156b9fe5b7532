using JourneyBot.Protocol.Diagnostics;
using JourneyBot.Storage;
using JourneyBot.Testing;
using JourneyBot.Web.Telemetry;
using OpenTelemetry.Metrics;

namespace JourneyBot.Web.Tests;

/// <summary>The bot's metrics as an exporter collects them after a short session over HTTP.</summary>
[Collection(nameof(MetricsIsolation))]
public sealed class TurnMetricsTests : IClassFixture<ConnectorFixture>, IAsyncDisposable
{
    private const string Thread = "19:metrics@thread.tacv2;messageid=1700000000009";
    private readonly RecordingConnector _connector;
    private readonly TelemetryCapture _telemetry = new();
    private readonly BotApp _app;
    private int _activities;

    public TurnMetricsTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
        // A long progress-card interval, so that two contributions fall in one update; pacing stays
        // on (on the system clock), as its waits are measured too.
        _app = new BotApp(new Dictionary<string, string?> { ["ProgressCard:UpdateInterval"] = "00:10:00" }, _telemetry.Install);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_session_records_turn_durations_storage_round_trips_sends_throttling_outbox_and_coalesced_progress()
    {
        // The first send is throttled with a Retry-After of nothing, then goes through.
        _connector.Script(new ConnectorAnswer(429, RetryAfter: "0"));
        foreach (var line in new[] { "start Measured", "Sell more shoes", "skip", "skip", "skip", "template", "next" })
        {
            await _app.PostActivityAsync(From("alex", line));
        }

        await _app.PostActivityAsync(From("member-1", "touchpoint Purchase | website | One"));
        await _app.PostActivityAsync(From("member-2", "touchpoint Purchase | website | Two"));

        var metrics = _telemetry.Metrics(_app.Services);
        Assert.Contains(Points(metrics, ProtocolMetrics.TurnDuration), p => Tag(p, ProtocolTelemetry.ActivityType) == "message" && p.GetHistogramCount() > 0);
        Assert.True(Sum(metrics, StorageMetrics.OperationsCounterName) > 0, "storage round trips");
        Assert.Contains(Points(metrics, ProtocolMetrics.ConnectorRequests), p => Tag(p, "http.response.status_code") == "429");
        Assert.Contains(Points(metrics, ProtocolMetrics.ConnectorRequests), p => Tag(p, "http.request.method") == "POST" && p.GetSumLong() > 1);
        Assert.Equal(1, Sum(metrics, ProtocolMetrics.ConnectorThrottled));
        Assert.Contains(Points(metrics, ProtocolMetrics.ConnectorRetryDelay), p => Tag(p, "journeybot.retry_after") == "True");
        Assert.Contains(Points(metrics, ProtocolMetrics.ConnectorPacingDelay), p => p.GetHistogramCount() > 0);
        Assert.NotEmpty(Points(metrics, ProtocolMetrics.OutboxQueued));
        Assert.Equal(1, Sum(metrics, WebMetrics.ProgressUpdatesCoalesced));
        Assert.Contains(metrics, m => m.MeterName == "System.Runtime");
    }

    // The latest snapshot of an instrument (cumulative), point by point.
    private static List<MetricPoint> Points(IReadOnlyList<MetricSnapshot> metrics, string name)
    {
        var latest = metrics.LastOrDefault(m => m.Name == name);
        return latest is null ? [] : [.. latest.MetricPoints];
    }

    private static long Sum(IReadOnlyList<MetricSnapshot> metrics, string name) => Points(metrics, name).Sum(p => p.GetSumLong());

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private Protocol.Schema.Activity From(string who, string text)
    {
        var activity = Activities.Message(_connector.ServiceUrl(), text, mentionBot: true, conversationId: Thread,
            activityId: $"1:metrics-{Interlocked.Increment(ref _activities)}");
        activity.From = new Protocol.Schema.ChannelAccount { Id = who, Name = who };
        return activity;
    }
}
