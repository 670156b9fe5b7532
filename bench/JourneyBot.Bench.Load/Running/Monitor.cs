using System.Diagnostics;
using JourneyBot.Bench.Load.Connector;
using JourneyBot.Bench.Load.Metrics;
using JourneyBot.Bench.Load.Processes;

namespace JourneyBot.Bench.Load.Running;

/// <summary>
/// Takes a <see cref="Snapshot"/> at every collection of the bot's metrics (once a second), at
/// the very moment it arrives, so that storage counts and everything else describe the same
/// instant; samples the bot's memory four times a second.
/// </summary>
/// <remarks>Without metrics (the EventPipe session failed), a timer ticks instead and storage is not reported.</remarks>
internal sealed class Monitor : IDisposable
{
    private readonly int _bot;
    private readonly int _azurite;
    private readonly MockConnector _connector;
    private readonly TurnLog _log;
    private readonly Lock _gate = new();
    private readonly List<TaskCompletionSource<Snapshot>> _waiting = [];
    private readonly Timer _memory;
    private readonly Timer? _fallbackTicks;
    private BotMetrics? _metrics;
    private double _maxRssMb;

    public Monitor(int botProcessId, int azuriteProcessId, MockConnector connector, TurnLog log, BotMetricsListener? metrics)
    {
        (_bot, _azurite, _connector, _log) = (botProcessId, azuriteProcessId, connector, log);
        if (metrics is null)
        {
            _fallbackTicks = new Timer(_ => OnTick(null), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
        else
        {
            metrics.Tick += OnTick;
        }

        _memory = new Timer(_ => SampleMemory(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
    }

    /// <summary>The highest resident set size sampled since the last <see cref="TakeMaxRssMb"/>.</summary>
    public double TakeMaxRssMb()
    {
        lock (_gate)
        {
            var max = _maxRssMb;
            _maxRssMb = 0;
            return max;
        }
    }

    /// <summary>The snapshot of the next metrics collection.</summary>
    public Task<Snapshot> NextTickAsync()
    {
        var next = new TaskCompletionSource<Snapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting.Add(next);
        }

        return next.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>A snapshot now, with the bot's counters of the last collection.</summary>
    public Snapshot Now() => Take(_metrics);

    public void Dispose()
    {
        _memory.Dispose();
        _fallbackTicks?.Dispose();
    }

    private void OnTick(BotMetrics? metrics)
    {
        var snapshot = Take(metrics);
        _metrics = metrics;
        List<TaskCompletionSource<Snapshot>> ready;
        lock (_gate)
        {
            ready = [.. _waiting];
            _waiting.Clear();
        }

        foreach (var waiter in ready)
        {
            waiter.TrySetResult(snapshot);
        }
    }

    private Snapshot Take(BotMetrics? metrics) => new(
        Stopwatch.GetTimestamp(), ProcStats.CpuMs(_bot), ProcStats.CpuMs(_azurite), ProcStats.CpuMs(Environment.ProcessId),
        metrics, _connector.Totals.Read(), _log.Errors);

    private void SampleMemory()
    {
        var rss = ProcStats.RssMb(_bot);
        lock (_gate)
        {
            _maxRssMb = double.IsNaN(rss) ? _maxRssMb : Math.Max(_maxRssMb, rss);
        }
    }
}
