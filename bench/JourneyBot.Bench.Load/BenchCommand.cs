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

    private static async Task<int> RunMatrixAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var results = new List<ConfigurationResult>();
        foreach (var concurrency in options.Concurrency)
        {
            Print(await Configurations.ConcurrentAsync(options, concurrency, cancellationToken));
        }

        if (options.HeldSessions > 0)
        {
            foreach (var result in await Configurations.HeldAsync(options, cancellationToken))
            {
                Print(result);
            }
        }

        if (!options.JsonOnly)
        {
            Console.WriteLine();
            Console.Write(ResultTable.Format(results));
        }

        return results.Any(r => r.Errors > 0) ? 1 : 0;

        void Print(ConfigurationResult result)
        {
            results.Add(result);
            Console.WriteLine(result.ToJson());
        }
    }
}
