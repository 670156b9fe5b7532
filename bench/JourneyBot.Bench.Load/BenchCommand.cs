using JourneyBot.Bench.Load.Reporting;
using JourneyBot.Bench.Load.Running;
using JourneyBot.Testing;

namespace JourneyBot.Bench.Load;

/// <summary>
/// Runs the load benchmark: each configuration of the matrix against a fresh bot, then the held
/// sessions; prints one JSON line per configuration as it finishes and the table at the end.
/// Exit code: 0 without errors, 1 when any configuration had errors, 2 for a bad command line,
/// 3 when the bot or Azurite could not be started, 130 on Ctrl+C.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"bench: {ex.Message}\n{BenchOptions.Usage}");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C stops the run and its processes in order; a second one kills them at once.
            if (!cancel.IsCancellationRequested)
            {
                e.Cancel = true;
                cancel.Cancel();
            }
            else
            {
                ChildProcess.KillAll();
            }
        };

        Directory.CreateDirectory(options.LogFolder);
        try
        {
            return options.Profile
                ? await ProfileRun.RunAsync(options, cancel.Token)
                : await RunMatrixAsync(options, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("bench: stopped");
            return 130;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync($"bench: {ex.Message}");
            return 3;
        }
        catch (TimeoutException)
        {
            // No metrics collection came: the bot stopped answering its diagnostics, or ended.
            await Console.Error.WriteLineAsync($"bench: the bot stopped reporting its metrics; its log is in {options.LogFolder}");
            return 3;
        }
    }

    // Every configuration --runs times, each printed as the median of its runs as soon as they are done;
    // then the map-size curve; then the tables.
    private static async Task<int> RunMatrixAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var results = new List<ConfigurationResult>();
        foreach (var concurrency in options.Concurrency)
        {
            await RunAsync(async () => [await Configurations.ConcurrentAsync(options, concurrency, cancellationToken)]);
        }

        if (options.HeldSessions.Count > 0)
        {
            await RunAsync(() => Configurations.HeldAsync(options, cancellationToken));
        }

        if (options.Instances.Count > 0)
        {
            await RunAsync(() => Configurations.InstancesAsync(options, cancellationToken));
        }

        IReadOnlyList<CurveCell> cells = options.MapSizes.Count > 0 ? await MapSizeRun.RunAsync(options, cancellationToken) : [];
        foreach (var cell in cells)
        {
            Console.WriteLine(cell.ToJson());
        }

        if (!options.JsonOnly)
        {
            Console.WriteLine();
            Console.Write(ResultTable.Format(results));
            if (cells.Count > 0)
            {
                Console.WriteLine();
                Console.Write(MapSizeRun.Format(cells));
            }
        }

        return results.Any(r => r.Errors > 0) || cells.Any(c => c.Errors > 0) ? 1 : 0;

        // A group of configurations run together (the held phases share one bot), --runs times.
        async Task RunAsync(Func<Task<IReadOnlyList<ConfigurationResult>>> configurations)
        {
            var runs = new List<IReadOnlyList<ConfigurationResult>>();
            for (var run = 1; run <= options.Runs; run++)
            {
                if (options.Runs > 1)
                {
                    Configurations.Progress($"run {run} of {options.Runs}");
                }

                runs.Add(await configurations());
            }

            for (var i = 0; i < runs[0].Count; i++)
            {
                var result = RunMedian.Of([.. runs.Select(r => r[i])]);
                results.Add(result);
                Console.WriteLine(result.ToJson());
            }
        }
    }
}
