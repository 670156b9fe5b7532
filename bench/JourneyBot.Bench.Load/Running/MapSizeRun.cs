using System.Diagnostics;
using System.Globalization;
using System.Text;
using JourneyBot.Bench.Load.Reporting;
using JourneyBot.Bench.Load.Sessions;

namespace JourneyBot.Bench.Load.Running;

/// <summary>
/// The map-size curve: for maps of 10, 200 and 2,000 items (the item limit), what a contribution,
/// <c>status</c>, one progress-card update, the review card, publish, the full page and each export
/// cost the bot in CPU and storage requests. One bot, one map at a time, nothing else running; each
/// operation is repeated and divided (the bot's CPU time is counted in 10 ms ticks), and the idle
/// bot's CPU over the same time is taken off.
/// </summary>
/// <remarks>
/// The map is filled with typed items from filler members (one member may add 200 to a map), four
/// at a time, of the kinds a map holds most (touchpoints, pain points, opportunities, thoughts,
/// some feelings). Review and publish happen once per map, so their cells are one operation each.
/// Each run first plays every operation on a small map that is not counted, so the first size
/// measured does not pay the JIT.
/// </remarks>
internal static class MapSizeRun
{
    /// <summary>A map holds at most this many items (issue 11's limit).</summary>
    public const int ItemLimit = 2000;

    private const int Repeats = 20;
    private const int PageRepeats = 5;
    private const int ProgressRepeats = 4;
    private const int FillWorkers = 4;
    private const int ItemsPerFiller = 150;
    private static readonly TimeSpan MetricsInterval = TimeSpan.FromSeconds(0.2);
    private static readonly TimeSpan DeferredSends = TimeSpan.FromSeconds(2.4);

    public static async Task<IReadOnlyList<CurveCell>> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var runs = new List<Dictionary<(int, string), Measured>>();
        long errors = 0;
        for (var run = 1; run <= options.Runs; run++)
        {
            Configurations.Progress($"map-size: run {run} of {options.Runs}: starting Azurite, the connector and the bot");
            await using var environment = await BenchEnvironment.StartAsync(options, "map-size", MetricsInterval, cancellationToken);
            var cells = new Dictionary<(int, string), Measured>();

            // Every operation once on a small map first, not counted: the first size measured would
            // otherwise pay the bot's JIT and first uses (the emotion curve's drawing, the exports).
            Configurations.Progress("map-size: warming up on a map of 10 items (not measured)");
            await MeasureMapAsync(environment, 10, cancellationToken);
            foreach (var size in options.MapSizes)
            {
                foreach (var (operation, measured) in await MeasureMapAsync(environment, size, cancellationToken))
                {
                    cells[(size, operation)] = measured;
                }
            }

            foreach (var (problem, count) in environment.Log.TakeProblems())
            {
                Console.Error.WriteLine($"bench:   error ×{count}: {problem}");
            }

            errors += environment.Log.Errors;
            runs.Add(cells);
        }

        return [.. runs[0].Keys.Select(key => Cell(key.Item1, key.Item2, runs.Select(r => r[key]).ToList(), errors))];
    }

    /// <summary>The readable table: each operation's CPU and storage by map size, and the largest map's against the smallest.</summary>
    public static string Format(IReadOnlyList<CurveCell> cells)
    {
        var sizes = cells.Select(c => c.Items).Distinct().Order().ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"operation",-18}");
        foreach (var size in sizes)
        {
            text.Append(CultureInfo.InvariantCulture, $"{size + " items: CPU ms",20}{"storage",9}");
        }

        text.AppendLine("  largest / smallest (CPU, storage)");
        foreach (var operation in cells.Select(c => c.Operation).Distinct())
        {
            var row = sizes.Select(s => cells.Single(c => c.Items == s && c.Operation == operation)).ToList();
            text.Append(CultureInfo.InvariantCulture, $"{operation,-18}");
            foreach (var cell in row)
            {
                text.Append(CultureInfo.InvariantCulture, $"{cell.CpuMs,20:0.00}{cell.StorageOps ?? double.NaN,9:0.00}");
            }

            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {Ratio(row[^1].CpuMs, row[0].CpuMs)}, {Ratio(row[^1].StorageOps ?? 0, row[0].StorageOps ?? 0)}");
        }

        return text.ToString();

        static string Ratio(double large, double small) => small > 0 ? (large / small).ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
    }

    private static async Task<List<(string, Measured)>> MeasureMapAsync(BenchEnvironment environment, int size, CancellationToken cancellationToken)
    {
        var session = environment.Sessions.Create();
        var f = session.Facilitator;
        var writer = session.Members[0];
        await SessionPool.PrepareAsync([session], 1, environment.Player);
        // The setup adds no items; the measured contributions come on top, so the largest map ends at the limit.
        var filled = Math.Min(size, ItemLimit - Repeats - ProgressRepeats);
        Configurations.Progress($"map-size: {size} items: filling the map with {filled} typed items");
        await FillAsync(environment, session, filled, size);
        var results = new List<(string, Measured)>();
        var idle = await IdleCpuMsPerSecondAsync(environment, cancellationToken);
        var n = 0;
        Task Play(Member who, TurnKind kind, string text) =>
            environment.Player.PlayAsync(session, new Step(Phase.Contribute, [new Turn(kind, s => TeamsActivities.Typed(s, who, text))]));

        Configurations.Progress($"map-size: {size} items: measuring");
        results.Add(("contribution", await RepeatAsync(environment, idle, Repeats,
            () => Play(writer, TurnKind.AddTyped, $"pain {Phrases.Pick(Phrases.Stages, n++)} | Measured pain point {n} | observed"), cancellationToken)));
        await Task.Delay(DeferredSends, cancellationToken);
        results.Add(("status", await RepeatAsync(environment, idle, Repeats, () => Play(f, TurnKind.Status, "status"), cancellationToken)));
        results.Add(("progress-update", await ProgressUpdatesAsync(environment, idle,
            () => Play(writer, TurnKind.AddTyped, $"touchpoint {Phrases.Pick(Phrases.Stages, n++)} | website | Measured touchpoint {n} | observed"),
            cancellationToken)));
        results.Add(("review-card", await RepeatAsync(environment, idle, 1, () => environment.Player.PlayAsync(session,
            Press(TurnKind.OpenReview, f, "next", "Contribute", "Step 7 of 7")), cancellationToken)));
        results.Add(("publish", await RepeatAsync(environment, idle, 1, () => environment.Player.PlayAsync(session,
            Press(TurnKind.Publish, f, "publish", "Review", "Published. The map is posted below")), cancellationToken)));
        await Task.Delay(DeferredSends, cancellationToken);
        var json = session.Log.MapJsonUrl;
        if (json is null)
        {
            environment.Log.Fail($"map-size {size}: the published map card never came, so its page was not measured");
            return results;
        }

        var page = json[..^"/json".Length];
        foreach (var (name, url) in ((string, string)[])[("page", page), ("json", json), ("csv", page + "/csv"), ("md", page + "/md")])
        {
            results.Add((name, await RepeatAsync(environment, idle, PageRepeats, async () =>
            {
                if (await environment.Client.GetAsync(new Uri(url)) is null)
                {
                    environment.Log.Fail($"map-size {size}: {name} did not answer 200");
                }
            }, cancellationToken)));
        }

        return results;
    }

    // Typed items from filler members, FillWorkers at a time, each member at most ItemsPerFiller.
    private static async Task FillAsync(BenchEnvironment environment, Session session, int count, int size)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, (count + ItemsPerFiller - 1) / ItemsPerFiller),
            new ParallelOptions { MaxDegreeOfParallelism = FillWorkers }, async (filler, _) =>
            {
                var who = new Member($"29:filler-{size}-{filler}", $"Filler {filler}",
                    $"00000000-0000-4000-9000-{(size * 100 + filler).ToString("x12", CultureInfo.InvariantCulture)}", "Sales");
                for (var i = filler * ItemsPerFiller; i < Math.Min(count, (filler + 1) * ItemsPerFiller); i++)
                {
                    var stage = Phrases.Pick(Phrases.Stages, i);
                    var text = (i % 10) switch
                    {
                        0 or 1 or 2 => $"touchpoint {stage} | {Phrases.Pick(Phrases.TypedChannels, i)} | {Phrases.Pick(Phrases.Touchpoints, i)} {i} | observed",
                        3 or 4 => $"pain {stage} | {Phrases.Pick(Phrases.PainPoints, i)} {i} | reported",
                        5 or 6 => $"opportunity {stage} | {Phrases.Pick(Phrases.Opportunities, i)} {i} | Product | assumed",
                        7 or 8 => $"thought {stage} | Will these shoes last a season {i} | reported",
                        _ => $"emotion {stage} | {Phrases.Pick(Phrases.Emotions, i).Score} | {Phrases.Pick(Phrases.Emotions, i).Word} | observed",
                    };
                    await environment.Player.PlayAsync(session, new Step(Phase.Contribute,
                        [new Turn(TurnKind.AddTyped, s => TeamsActivities.Typed(s, who, text))]));
                }
            });
    }

    // The bot's own CPU while nothing happens (timers, the metrics it reports), to take off the figures.
    private static async Task<double> IdleCpuMsPerSecondAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        await Task.Delay(DeferredSends, cancellationToken);
        var before = await environment.Monitor.NextTickAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var after = await environment.Monitor.NextTickAsync();
        return (after.BotCpuMs - before.BotCpuMs) / Seconds(before, after);
    }

    private static async Task<Measured> RepeatAsync(BenchEnvironment environment, double idle, int times, Func<Task> operation,
        CancellationToken cancellationToken)
    {
        var before = await environment.Monitor.NextTickAsync();
        for (var i = 0; i < times; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await operation();
        }

        // The first collection may have begun before the last operation ended; the second one surely counts it.
        await environment.Monitor.NextTickAsync();
        var after = await environment.Monitor.NextTickAsync();
        return Measured.Between(before, after, idle, times);
    }

    // A contribution, then only what the bot does later: the coalesced progress-card update.
    private static async Task<Measured> ProgressUpdatesAsync(BenchEnvironment environment, double idle, Func<Task> contribution,
        CancellationToken cancellationToken)
    {
        var total = Measured.Zero;
        for (var i = 0; i < ProgressRepeats; i++)
        {
            await contribution();
            await environment.Monitor.NextTickAsync();
            var answered = await environment.Monitor.NextTickAsync();
            await Task.Delay(DeferredSends, cancellationToken);
            await environment.Monitor.NextTickAsync();
            total += Measured.Between(answered, await environment.Monitor.NextTickAsync(), idle, 1);
        }

        return total / ProgressRepeats;
    }

    private static Step Press(TurnKind kind, Member who, string verb, string step, string expect) =>
        new(Phase.Review, [new Turn(kind, s => TeamsActivities.Execute(s, who, s.CardId, verb,
            new Dictionary<string, string> { ["verb"] = verb, ["mapId"] = s.MapId, ["step"] = step }), new Expectation(true, expect))
        {
            PressesCard = true,
        }]);

    private static double Seconds(Snapshot from, Snapshot to) => (to.Timestamp - from.Timestamp) / (double)Stopwatch.Frequency;

    private static CurveCell Cell(int size, string operation, IReadOnlyList<Measured> runs, long errors)
    {
        var cpu = runs.Select(r => r.CpuMs).Order().ToList();
        var storage = runs.All(r => r.StorageOps is not null) ? runs.Select(r => r.StorageOps!.Value).Order().ToList() : null;
        return new CurveCell
        {
            Items = size, Operation = operation, Runs = runs.Count,
            CpuMs = Math.Round(Percentiles.Median(cpu), 2), CpuMsSpread = [Math.Round(cpu[0], 2), Math.Round(cpu[^1], 2)],
            StorageOps = storage is null ? null : Math.Round(Percentiles.Median(storage), 2),
            StorageOpsSpread = storage is null ? null : [Math.Round(storage[0], 2), Math.Round(storage[^1], 2)],
            ConnectorCalls = Math.Round(Percentiles.Median([.. runs.Select(r => r.ConnectorCalls).Order()]), 2),
            Errors = errors,
        };
    }

    // What operations cost, per operation.
    private sealed record Measured(double CpuMs, double? StorageOps, double ConnectorCalls)
    {
        public static Measured Zero { get; } = new(0, 0, 0);

        public static Measured Between(Snapshot before, Snapshot after, double idleCpuMsPerSecond, int times) => new(
            Math.Max(0, after.BotCpuMs - before.BotCpuMs - (idleCpuMsPerSecond * Seconds(before, after))) / times,
            after.Metrics is { } a && before.Metrics is { } b ? a.Storage.Since(b.Storage).Total / times : null,
            (after.Connector - before.Connector).Calls / (double)times);

        public static Measured operator +(Measured x, Measured y) =>
            new(x.CpuMs + y.CpuMs, x.StorageOps is { } s && y.StorageOps is { } t ? s + t : null, x.ConnectorCalls + y.ConnectorCalls);

        public static Measured operator /(Measured x, int n) => new(x.CpuMs / n, x.StorageOps / n, x.ConnectorCalls / n);
    }
}
