using System.Globalization;
using JourneyBot.Bench.Load.Reporting;

namespace JourneyBot.Bench.Load.Running;

/// <summary>The configurations of the matrix, each against a fresh bot, Azurite and connector.</summary>
internal static class Configurations
{
    private static readonly TimeSpan MetricsInterval = TimeSpan.FromSeconds(1);

    // Warm-ups play at least this many sessions at once, so that the JIT has optimised the bot before any window.
    private const int WarmupWorkers = 16;

    private static readonly double Started = Environment.TickCount64 / 1000.0;

    /// <summary>
    /// C sessions at once, each played start to publish by its worker, then a new one: the full
    /// script, C turns in flight.
    /// </summary>
    public static async Task<ConfigurationResult> ConcurrentAsync(BenchOptions options, int concurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = "c" + concurrency.ToString(CultureInfo.InvariantCulture);
        Progress($"{name}: starting Azurite, the connector and the bot");
        await using var environment = await BenchEnvironment.StartAsync(options, name, MetricsInterval, cancellationToken);
        Progress($"{name}: {concurrency} sessions at once, {options.Warmup.TotalSeconds} s warm-up, {options.Duration.TotalSeconds} s measured");
        var pool = new SessionPool(Enumerable.Range(0, concurrency).Select(_ => environment.Sessions.Create()), environment.Sessions,
            loopContributions: false);
        var result = await MeasuredPhase.RunAsync(environment, pool, new PhaseSettings(name, concurrency, concurrency, options.Warmup,
            Math.Max(concurrency, WarmupWorkers), WarmupLimit(options), options.Duration, options.ByKind), cancellationToken);
        ReportProblems(environment);
        return result;
    }

    /// <summary>
    /// Many sessions held in their contributions while workers go round-robin over them, in one bot
    /// process: first a few hundred sessions (the reference), then each count of the curve (1,000 and
    /// 10,000), adding sessions to those held. The same turns and workers, so per-turn figures that
    /// grow with the sessions show up side by side.
    /// </summary>
    public static async Task<IReadOnlyList<ConfigurationResult>> HeldAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var workers = options.HeldWorkers;
        Progress("held: starting Azurite, the connector and the bot");
        await using var environment = await BenchEnvironment.StartAsync(options, "held", MetricsInterval, cancellationToken);
        var results = new List<ConfigurationResult>();
        var held = new List<Sessions.Session>();
        int[] phases = options.HeldReference > 0 ? [Math.Min(options.HeldReference, options.HeldSessions.Min()), .. options.HeldSessions] : [.. options.HeldSessions];
        foreach (var count in phases.Distinct().Order())
        {
            var name = "held-" + count.ToString(CultureInfo.InvariantCulture);
            environment.Connector.ResetSendRate();
            var added = Enumerable.Range(0, count - held.Count).Select(_ => environment.Sessions.Create()).ToList();
            Progress($"{name}: setting up {added.Count} more sessions to their contributions");
            await SessionPool.PrepareAsync(added, workers, environment.Player);
            foreach (var session in added)
            {
                session.StartContributionsAt(held.Count);
                held.Add(session);
            }

            Progress($"{name}: {workers} workers round-robin over {count} sessions, {options.Warmup.TotalSeconds} s warm-up, " +
                $"{options.Duration.TotalSeconds} s measured");
            var pool = new SessionPool(held, environment.Sessions, loopContributions: true);
            results.Add(await MeasuredPhase.RunAsync(environment, pool,
                new PhaseSettings(name, workers, count, options.Warmup, workers, WarmupLimit(options), options.Duration, options.ByKind),
                cancellationToken));
            ReportProblems(environment);
        }

        return results;
    }

    /// <summary>
    /// The same full sessions against one bot process (the reference) and then against each number
    /// of processes on one Azurite, turn after turn to the next process (no affinity, as the
    /// deployment's load balancer). Each session published in both is compared: its map must be the
    /// same (see <see cref="PublishedMaps"/>); the connector's 429s show whether the pacing of one
    /// thread holds across processes.
    /// </summary>
    public static async Task<IReadOnlyList<ConfigurationResult>> InstancesAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ConfigurationResult>();
        Dictionary<int, string>? reference = null;
        foreach (var instances in (int[])[1, .. options.Instances.Where(n => n > 1)])
        {
            var name = "instances-" + instances.ToString(CultureInfo.InvariantCulture);
            var concurrency = options.InstanceConcurrency;
            Progress($"{name}: starting Azurite, the connector and {instances} bot processes");
            await using var environment = await BenchEnvironment.StartAsync(options, name, MetricsInterval, cancellationToken, instances);
            Progress($"{name}: {concurrency} sessions at once, {options.Warmup.TotalSeconds} s warm-up, {options.Duration.TotalSeconds} s measured");
            var pool = new SessionPool(Enumerable.Range(0, concurrency).Select(_ => environment.Sessions.Create()), environment.Sessions,
                loopContributions: false);
            var result = await MeasuredPhase.RunAsync(environment, pool, new PhaseSettings(name, concurrency, concurrency, options.Warmup,
                Math.Max(concurrency, WarmupWorkers), WarmupLimit(options), options.Duration, options.ByKind), cancellationToken);
            // Every session the phase started is played to its publish (not measured), so that every one is compared.
            var errorsBefore = environment.Log.Errors;
            var started = environment.Sessions.Created.ToList();
            Progress($"{name}: playing the {started.Count(s => !s.Finished)} unfinished sessions to their publish, to compare the maps");
            await SessionPool.FinishAsync(started.Where(s => !s.Finished), concurrency, environment.Player);
            await PublishedMaps.WaitForMapCardsAsync(started, cancellationToken);
            var maps = await PublishedMaps.ReadAsync(environment, started);
            result = result with { Errors = result.Errors + environment.Log.Errors - errorsBefore };
            if (reference is null)
            {
                reference = maps;
                result = result with { MapsCompared = 0, MapsDiffering = 0 };
            }
            else
            {
                var (compared, differing) = PublishedMaps.Compare(environment, reference, maps);
                result = result with { MapsCompared = compared, MapsDiffering = differing, Errors = result.Errors + differing };
            }

            ReportProblems(environment);
            results.Add(result);
        }

        return results;
    }

    private static void ReportProblems(BenchEnvironment environment)
    {
        foreach (var (problem, count) in environment.Log.TakeProblems())
        {
            Console.Error.WriteLine($"bench:   error ×{count}: {problem}");
        }
    }

    private static int WarmupLimit(BenchOptions options) => options.LongerWarmupWhileJitting ? 3 : 1;

    /// <summary>Says what is running, on stderr, so that stdout holds only the results.</summary>
    public static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: [{Environment.TickCount64 / 1000.0 - Started,5:0.0} s] {message}"));
}
