using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using JourneyBot.Web.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace JourneyBot.Web.Tests;

/// <summary>
/// What the bot exports when telemetry is on, kept in memory: spans, metric snapshots and log
/// records (with their scopes). Installed on a <see cref="BotApp"/> through its services hook.
/// </summary>
/// <remarks>
/// Activity sources are process-wide, so spans of other tests' hosts arrive here too: tests pick
/// theirs by conversation hash and trace. Meters come from each host's own factory and are not shared.
/// </remarks>
public sealed class TelemetryCapture
{
    private readonly ConcurrentCollection<Activity> _spans = new();
    private readonly ConcurrentCollection<MetricSnapshot> _metrics = new();
    private readonly ConcurrentQueue<CapturedLog> _logs = new();

    public IReadOnlyList<Activity> Spans => _spans.Snapshot();

    public IReadOnlyList<CapturedLog> Logs => [.. _logs];

    /// <summary>The bot's telemetry registrations, exporting here.</summary>
    public void Install(IServiceCollection services) =>
        services.AddJourneyBotSignals()
            .WithTracing(tracing => tracing.AddInMemoryExporter(_spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics))
            .WithLogging(logging => logging.AddProcessor(new LogCapture(_logs)));

    /// <summary>Collects the host's metrics now and returns every snapshot taken so far.</summary>
    public IReadOnlyList<MetricSnapshot> Metrics(IServiceProvider services)
    {
        services.GetRequiredService<MeterProvider>().ForceFlush();
        return _metrics.Snapshot();
    }

    /// <summary>One exported log line: its event, its attributes and the values of its scopes.</summary>
    public sealed record CapturedLog(
        string? Category, int EventId, string? Body, IReadOnlyList<KeyValuePair<string, object?>> Attributes,
        IReadOnlyList<KeyValuePair<string, object?>> Scopes);

    // Log records are pooled and reused after export: what the tests read is copied out here.
    private sealed class LogCapture(ConcurrentQueue<CapturedLog> logs) : BaseProcessor<LogRecord>
    {
        public override void OnEnd(LogRecord data)
        {
            var scopes = new List<KeyValuePair<string, object?>>();
            data.ForEachScope((scope, list) =>
            {
                foreach (var pair in scope)
                {
                    list.Add(pair);
                }
            }, scopes);
            logs.Enqueue(new CapturedLog(data.CategoryName, data.EventId.Id, data.Body ?? data.FormattedMessage,
                [.. data.Attributes ?? []], scopes));
        }
    }

    // The in-memory exporters add from whichever thread ends a span; tests read meanwhile.
    private sealed class ConcurrentCollection<T> : ICollection<T>
    {
        private readonly ConcurrentQueue<T> _items = new();

        public int Count => _items.Count;

        // A copy taken at once: spans of other tests' hosts may arrive while it is taken (ICollection's
        // Count-then-CopyTo would race them).
        public T[] Snapshot() => _items.ToArray();

        public bool IsReadOnly => false;

        public void Add(T item) => _items.Enqueue(item);

        public void Clear() => _items.Clear();

        public bool Contains(T item) => _items.Contains(item);

        public void CopyTo(T[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

        public bool Remove(T item) => throw new NotSupportedException();

        public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
