using System.Globalization;
using System.Text;
using System.Text.Json;
using JourneyBot.Bench.Load.Connector;
using JourneyBot.Bench.Load.Metrics;
using JourneyBot.Bench.Load.Reporting;
using JourneyBot.Bench.Load.Sessions;

namespace JourneyBot.Bench.Load.Running;

/// <summary>
/// One session, step by step, with nothing else running: after each step the storage counter is
/// read once the step's own requests are surely counted, and again after the bot's later sends
/// (progress card updates), so each kind of turn gets its own storage and connector cost.
/// </summary>
/// <remarks>
/// Slow on purpose (a few seconds a step). Later work is not coalesced here as it is under load:
/// each change pays its own progress card update.
/// </remarks>
internal static class ProfileRun
{
    private static readonly TimeSpan MetricsInterval = TimeSpan.FromSeconds(0.2);
    private static readonly TimeSpan DeferredSends = TimeSpan.FromSeconds(2.4);

    private static readonly HashSet<TurnKind> Quiet =
        [TurnKind.Start, TurnKind.SetupCard, TurnKind.SetupSubmit, TurnKind.SetupTyped, TurnKind.Stages, TurnKind.Status, TurnKind.Refresh];

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        await using var environment = await BenchEnvironment.StartAsync(options, "profile", MetricsInterval, cancellationToken);
        if (!environment.CountsStorage)
        {
            return 3;
        }

        var session = environment.Sessions.Create();
        Configurations.Progress($"profile: one session of {session.Members.Count} members and the facilitator, step by step (about two minutes)");
        var costs = new List<StepCost>();
        var before = await environment.Monitor.NextTickAsync();
        while (session.Next(loopContributions: false) is { } step)
        {
            var (now, later) = await MeasureAsync(environment, session, step, cancellationToken);
            var latencies = environment.Log.Between(before.Timestamp, now.Timestamp).Select(t => t.LatencyMs).ToList();
            costs.Add(new StepCost(step, latencies, now.Metrics!.Storage.Since(before.Metrics!.Storage), now.Connector - before.Connector,
                later.Metrics!.Storage.Since(now.Metrics.Storage), later.Connector - now.Connector));
            before = later;
        }

        var kinds = costs.GroupBy(c => c.Step.Turns[0].Kind).Select(Summarize).ToList();
        Console.Write(Format(kinds));
        foreach (var kind in kinds)
        {
            Console.WriteLine(JsonSerializer.Serialize(kind, ReportJson.Default.KindProfile));
        }

        var errors = environment.Log.TakeProblems();
        foreach (var (problem, count) in errors)
        {
            Console.Error.WriteLine($"bench:   error ×{count}: {problem}");
        }

        return environment.Log.Errors > 0 ? 1 : 0;
    }

    private static async Task<(Snapshot Now, Snapshot Later)> MeasureAsync(BenchEnvironment environment, Session session, Step step,
        CancellationToken cancellationToken)
    {
        await environment.Player.PlayAsync(session, step);
        var ended = DateTime.UtcNow;

        // The first collection may have begun before the step ended; the second one surely counts it.
        await environment.Monitor.NextTickAsync();
        var now = await environment.Monitor.NextTickAsync();
        if (Quiet.Contains(step.Turns[0].Kind))
        {
            return (now, now);
        }

        var wait = ended + DeferredSends - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }

        await environment.Monitor.NextTickAsync();
        return (now, await environment.Monitor.NextTickAsync());
    }

    private static KindProfile Summarize(IGrouping<TurnKind, StepCost> steps)
    {
        var turns = steps.Sum(s => s.Step.Turns.Count);
        var byOperation = steps.SelectMany(s => s.Storage.ByOperation)
            .GroupBy(p => p.Key).Select(g => (g.Key, Count: g.Sum(p => p.Value) / turns)).Where(p => p.Count > 0)
            .OrderByDescending(p => p.Count);
        return new KindProfile
        {
            Kind = steps.Key.ToString(),
            Turns = turns,
            P50Ms = Math.Round(Percentiles.Of([.. steps.SelectMany(s => s.Latencies).Order()], 50), 1),
            StorageOpsPerTurn = Math.Round(steps.Sum(s => s.Storage.Total) / turns, 2),
            DeferredStorageOpsPerTurn = Math.Round(steps.Sum(s => s.LaterStorage.Total) / turns, 2),
            StorageOperations = string.Join(", ", byOperation.Select(p => $"{p.Key} {p.Count.ToString("0.##", CultureInfo.InvariantCulture)}")),
            ConnectorCallsPerTurn = Math.Round(steps.Sum(s => s.Connector.Calls) / (double)turns, 2),
            DeferredConnectorCallsPerTurn = Math.Round(steps.Sum(s => s.LaterConnector.Calls) / (double)turns, 2),
            ConnectorBytesPerTurn = Math.Round(steps.Sum(s => s.Connector.Bytes + s.LaterConnector.Bytes) / (double)turns, 0),
        };
    }

    private static string Format(IEnumerable<KindProfile> kinds)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{"kind of turn",-18}{"turns",6}{"p50 ms",8}{"storage",9}{"later",7}{"conn calls",12}{"later",7}{"conn KB",9}  storage requests of the turn");
        foreach (var k in kinds)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{k.Kind,-18}{k.Turns,6}{k.P50Ms,8:0.0}{k.StorageOpsPerTurn,9:0.00}{k.DeferredStorageOpsPerTurn,7:0.00}" +
                $"{k.ConnectorCallsPerTurn,12:0.00}{k.DeferredConnectorCallsPerTurn,7:0.00}{k.ConnectorBytesPerTurn / 1024,9:0.0}  {k.StorageOperations}");
        }

        return text.ToString();
    }

    // What one step cost while it was answered, and later.
    private sealed record StepCost(Step Step, IReadOnlyList<double> Latencies, StorageReading Storage, ConnectorReading Connector,
        StorageReading LaterStorage, ConnectorReading LaterConnector);
}
