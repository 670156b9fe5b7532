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
/// <remarks>
/// Without metrics (the EventPipe session failed), a timer ticks instead and storage is not reported.
/// With several bot processes (the instances configurations), CPU is their sum, memory the highest
/// of them, and the metrics the sum of each one's latest collection: exact for the first process at
/// its collection, at most a second old for the others.
/// </remarks>
internal sealed class Monitor : IDisposable
{
    private readonly IReadOnlyList<int> _bots;
    private readonly int _azurite;
    private readonly MockConnector _connector;
    private readonly TurnLog _log;
    private readonly Lock _gate = new();
    private readonly List<TaskCompletionSource<Snapshot>> _waiting = [];
    private readonly Timer _memory;
    private readonly Timer? _fallbackTicks;
    private readonly BotMetrics?[] _latest;
    private BotMetrics? _metrics;
    private double _maxRssMb;

    public Monitor(IReadOnlyList<int> botProcessIds, int azuriteProcessId, MockConnector connector, TurnLog log,
        IReadOnlyList<BotMetricsListener>? metrics)
    {
        (_bots, _azurite, _connector, _log) = (botProcessIds, azuriteProcessId, connector, log);
        _latest = new BotMetrics?[botProcessIds.Count];
        if (metrics is null)
        {
            _fallbackTicks = new Timer(_ => OnTick(null), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
        else
        {
            for (var i = 1; i < metrics.Count; i++)
            {
                var at = i;
                metrics[i].Tick += reading => Volatile.Write(ref _latest[at], reading);
            }

            metrics[0].Tick += reading =>
            {
                _latest[0] = reading;
                var all = _latest.ToArray();
                OnTick(all.All(r => r is not null) ? BotMetrics.Sum(all!) : null);
            };
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
        Stopwatch.GetTimestamp(), _bots.Sum(ProcStats.CpuMs), ProcStats.CpuMs(_azurite), ProcStats.CpuMs(Environment.ProcessId),
        metrics, _connector.Totals.Read(), _log.Errors);

    private void SampleMemory()
    {
        var rss = _bots.Max(ProcStats.RssMb);
        lock (_gate)
        {
            _maxRssMb = double.IsNaN(rss) ? _maxRssMb : Math.Max(_maxRssMb, rss);
        }
    }
}
