using System.Diagnostics;
using JourneyBot.Bench.Load.Reporting;

namespace JourneyBot.Bench.Load.Running;

/// <summary>
/// One measured phase: workers play sessions through a warm-up (not measured), then a window that
/// starts and ends on a collection of the bot's metrics (so storage counts are exact at both ends),
/// then stop; after a pause for sends the bot makes later (progress card updates, gathered
/// confirmations), the phase's results are checked and computed.
/// </summary>
/// <remarks>
/// A warm-up with few workers does little: at C = 1 a few dozen turns leave most of the bot's code
/// unoptimised by the JIT, which then compiles during the window: CPU per turn came out ten times too high. So
/// the warm-up plays its own sessions with at least <see cref="PhaseSettings.WarmupWorkers"/> workers,
/// and goes on past its time (up to three times it, unless --quick) while the bot's JIT still compiles more than
/// <see cref="SteadyJitMsPerSecond"/> a second; then the measured sessions start, and the window
/// opens once the warm-up's late sends are over.
/// </remarks>
internal static class MeasuredPhase
{
    /// <summary>Progress card updates come up to ProgressCard:UpdateInterval (2 s) after a change.</summary>
    private static readonly TimeSpan DeferredSends = TimeSpan.FromSeconds(2.5);

    /// <summary>Sends held back longer than this count as never made.</summary>
    private static readonly TimeSpan LongestDrain = TimeSpan.FromSeconds(30);

    /// <summary>JIT time per second below which the bot counts as warm.</summary>
    private const double SteadyJitMsPerSecond = 20;

    // Collections come once a second: waiting half a second less makes the window as long as asked, on average.
    private static readonly TimeSpan HalfInterval = TimeSpan.FromSeconds(0.5);

    public static async Task<ConfigurationResult> RunAsync(BenchEnvironment environment, SessionPool pool, PhaseSettings settings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(settings);
        var phaseStart = environment.Monitor.Now();
        var settle = TimeSpan.Zero;
        if (settings.WarmupWorkers > settings.Workers)
        {
            var warmup = new SessionPool(Enumerable.Range(0, settings.WarmupWorkers).Select(_ => environment.Sessions.Create()),
                environment.Sessions, loopContributions: false);
            await PlayAsync(environment, warmup, settings.WarmupWorkers, () => WarmUpAsync(environment, settings, cancellationToken),
                cancellationToken);
            settle = DeferredSends;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = pool.RunAsync(settings.Workers, environment.Player, stop.Token);
        Snapshot start, end;
        try
        {
            await (settle == TimeSpan.Zero ? WarmUpAsync(environment, settings, cancellationToken) : Task.Delay(settle, cancellationToken));
            start = await environment.Monitor.NextTickAsync();
            await Task.Delay(settings.Duration > HalfInterval ? settings.Duration - HalfInterval : settings.Duration, cancellationToken);
            end = await environment.Monitor.NextTickAsync();
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }

        var drained = await DrainAsync(environment, phaseStart, cancellationToken);
        if (settings.ByKind)
        {
            await Console.Error.WriteAsync(KindLatencyTable.Format(settings.Name, environment.Log.Between(start.Timestamp, end.Timestamp)));
        }

        return PhaseResults.Compute(environment, settings, phaseStart, start, end, drained);
    }

    // Sends the bot makes after a turn (progress card updates, gathered confirmations, anything its
    // pacing holds back) are waited for: at least DeferredSends, then until every published map and
    // typed item has its reply, for at most LongestDrain.
    private static async Task<Snapshot> DrainAsync(BenchEnvironment environment, Snapshot phaseStart, CancellationToken cancellationToken)
    {
        var stopped = Stopwatch.GetTimestamp();
        await Task.Delay(DeferredSends, cancellationToken);
        var now = environment.Monitor.Now();
        while (PhaseResults.Missing(environment, phaseStart, now) != 0 && Stopwatch.GetElapsedTime(stopped) < LongestDrain)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            now = environment.Monitor.Now();
        }

        return now;
    }

    // The warm-up's time, then on while the JIT is busy, up to WarmupLimit times the warm-up's time.
    private static async Task WarmUpAsync(BenchEnvironment environment, PhaseSettings settings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(settings.Warmup, cancellationToken);
        if (settings.WarmupLimit <= 1)
        {
            return;
        }

        var jit = double.NaN;
        while (Stopwatch.GetElapsedTime(started) < settings.Warmup * settings.WarmupLimit)
        {
            var before = await environment.Monitor.NextTickAsync();
            var after = await environment.Monitor.NextTickAsync();
            if (before.Metrics is null || after.Metrics is null)
            {
                return;
            }

            jit = (after.Metrics.JitMs - before.Metrics.JitMs) / ((after.Timestamp - before.Timestamp) / (double)Stopwatch.Frequency);
            if (jit < SteadyJitMsPerSecond)
            {
                return;
            }
        }

        if (!double.IsNaN(jit))
        {
            Configurations.Progress($"{settings.Name}: the bot's JIT still compiles {jit:0} ms a second after the warm-up; CPU per turn includes it (jitMs)");
        }
    }

    private static async Task PlayAsync(BenchEnvironment environment, SessionPool pool, int workers, Func<Task> until,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = pool.RunAsync(workers, environment.Player, stop.Token);
        try
        {
            await until();
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
    }
}

/// <summary>How a phase runs.</summary>
/// <param name="Name">The configuration's name in the report.</param>
/// <param name="Workers">Turns in flight at once (one step per worker).</param>
/// <param name="ActiveSessions">Sessions active at once.</param>
/// <param name="Warmup">Played, not measured.</param>
/// <param name="WarmupWorkers">Workers during the warm-up; when more than <paramref name="Workers"/>, the warm-up plays sessions of its own.</param>
/// <param name="WarmupLimit">How many times <paramref name="Warmup"/> the warm-up may last while the JIT is busy.</param>
/// <param name="Duration">The measured window (rounded up to the next metrics collection).</param>
/// <param name="ByKind">Print latency by kind of turn.</param>
internal sealed record PhaseSettings(string Name, int Workers, int ActiveSessions, TimeSpan Warmup, int WarmupWorkers, int WarmupLimit,
    TimeSpan Duration, bool ByKind);
