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
    /// process: first a few hundred sessions (the reference), then all of them. The same turns and
    /// workers, so per-turn figures that grow with the sessions show up side by side.
    /// </summary>
    public static async Task<IReadOnlyList<ConfigurationResult>> HeldAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var workers = options.HeldWorkers;
        Progress("held: starting Azurite, the connector and the bot");
        await using var environment = await BenchEnvironment.StartAsync(options, "held", MetricsInterval, cancellationToken);
        var results = new List<ConfigurationResult>();
        var held = new List<Sessions.Session>();
        int[] phases = options.HeldReference > 0 ? [Math.Min(options.HeldReference, options.HeldSessions), options.HeldSessions] : [options.HeldSessions];
        foreach (var count in phases.Distinct())
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
