using System.Diagnostics;
using JourneyBot.Bench.Load.Reporting;
using JourneyBot.Bench.Load.Sessions;

namespace JourneyBot.Bench.Load.Running;

/// <summary>
/// A phase's figures: what was counted between the two ends of its window, per turn, and its errors,
/// replies the bot never posted included.
/// </summary>
internal static class PhaseResults
{
    public static ConfigurationResult Compute(BenchEnvironment environment, PhaseSettings settings, Snapshot phaseStart, Snapshot start,
        Snapshot end, Snapshot drained)
    {
        var window = environment.Log.Between(start.Timestamp, end.Timestamp);
        var turns = Math.Max(window.Count, 1);
        var seconds = (end.Timestamp - start.Timestamp) / (double)Stopwatch.Frequency;
        var latencies = window.Select(t => t.LatencyMs).Order().ToList();
        var metrics = end.Metrics is { } last && start.Metrics is { } first ? last.Since(first) : null;
        var storage = metrics?.Storage;
        var connector = end.Connector - start.Connector;
        return new ConfigurationResult
        {
            Configuration = settings.Name,
            Concurrency = settings.Workers,
            ActiveSessions = settings.ActiveSessions,
            Sessions = window.Select(t => t.Session).Distinct().Count(),
            SessionsPublished = window.Count(t => t.Kind == TurnKind.Publish && t.Ok),
            Turns = window.Count,
            Seconds = Round(seconds),
            TurnsPerSecond = Round(window.Count / seconds),
            P50Ms = Round(Percentiles.Of(latencies, 50)),
            P95Ms = Round(Percentiles.Of(latencies, 95)),
            P99Ms = Round(Percentiles.Of(latencies, 99)),
            MaxMs = Round(latencies.Count == 0 ? 0 : latencies[^1]),
            CpuMsPerTurn = Round((end.BotCpuMs - start.BotCpuMs) / turns, 3),
            PeakRssMb = Round(environment.Bots.Max(b => Processes.ProcStats.PeakRssMb(b.ProcessId)), 1),
            SampledMaxRssMb = Round(environment.Monitor.TakeMaxRssMb(), 1),
            StorageOpsPerTurn = storage is null ? null : Round(storage.Total / turns, 3),
            StorageOpsPerTurnByOperation = storage?.ByOperation.Where(p => p.Value > 0).OrderByDescending(p => p.Value)
                .ToDictionary(p => p.Key, p => Round(p.Value / turns, 3)),
            ConnectorCallsPerTurn = Round(connector.Calls / (double)turns, 3),
            ConnectorPostsPerTurn = Round(connector.Posts / (double)turns, 3),
            ConnectorPutsPerTurn = Round(connector.Puts / (double)turns, 3),
            ProgressCardUpdatesPerTurn = Round(connector.ProgressUpdates / (double)turns, 3),
            ConnectorBytesPerTurn = Round(connector.Bytes / (double)turns, 0),
            MaxSendsPerSecondPerConversation = environment.Connector.MaxSendsPerSecondPerConversation,
            Connector429s = drained.Connector.Throttled - phaseStart.Connector.Throttled,
            Instances = environment.Bots.Count,
            JitMs = Round(metrics?.JitMs ?? double.NaN, 0),
            GcPauseMsPerTurn = Round((metrics?.GcPauseMs ?? double.NaN) / turns, 3),
            GcCollections = (int)(metrics?.GcCollections ?? 0),
            ExceptionsPerTurn = Round((metrics?.Exceptions ?? double.NaN) / turns, 3),
            ExceptionsByType = metrics?.ExceptionsByType.Where(p => p.Value > 0).OrderByDescending(p => p.Value)
                .ToDictionary(p => p.Key, p => (long)p.Value),
            AzuriteCpuMsPerTurn = Round((end.AzuriteCpuMs - start.AzuriteCpuMs) / turns, 3),
            GeneratorCpuMsPerTurn = Round((end.GeneratorCpuMs - start.GeneratorCpuMs) / turns, 3),
            Errors = drained.Errors - phaseStart.Errors + MissingReplies(environment, phaseStart, drained),
        };
    }

    /// <summary>
    /// Replies the bot posts rather than returns, still missing: every published map needs its map
    /// card. (Typed items are confirmed on the progress card, not by a post of their own.) Counted
    /// over the whole phase.
    /// </summary>
    public static long Missing(BenchEnvironment environment, Snapshot phaseStart, Snapshot now)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(phaseStart);
        ArgumentNullException.ThrowIfNull(now);
        var phase = environment.Log.Between(phaseStart.Timestamp, now.Timestamp);
        var posted = now.Connector - phaseStart.Connector;
        var publishes = phase.Count(t => t.Kind == TurnKind.Publish && t.Ok);
        return Math.Max(0, publishes - posted.MapCards);
    }

    private static long MissingReplies(BenchEnvironment environment, Snapshot phaseStart, Snapshot drained)
    {
        var maps = Missing(environment, phaseStart, drained);
        if (maps > 0)
        {
            environment.Log.Fail($"{maps} published maps never reached the connector");
        }

        return maps;
    }

    private static double Round(double value, int decimals = 2) => double.IsFinite(value) ? Math.Round(value, decimals) : 0;
}
