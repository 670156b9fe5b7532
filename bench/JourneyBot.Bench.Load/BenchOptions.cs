using System.Globalization;
using JourneyBot.Testing;

namespace JourneyBot.Bench.Load;

/// <summary>What to run: the configurations, how long, and against which build of the bot.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Usage: bench/run.sh [--quick] [options]
          --quick                C = 8 and 32, 5 s each after a 2 s warm-up (not extended while the JIT is busy),
                                 held sessions 200 (no reference phase), 2 instances, maps of 10 and 2,000 items; one run
          --concurrency 1,8,32,64  sessions played at once, one configuration each (default 1,8,32,64; 0 skips them)
          --duration <s>         measured seconds per configuration (default 15)
          --warmup <s>           seconds played before measuring (default 5)
          --runs <n>             runs of every configuration; each figure is their median, with the lowest and highest
                                 in "spread" (default 3; 1 with --quick)
          --held-sessions <n,…>  held-sessions curve: sessions kept active, one phase each, in one bot process after the
                                 reference phase; 0 skips it (default 1000,10000)
          --instances <n,…>      bot processes on one Azurite, one configuration each after a one-instance reference;
                                 each session's published map must equal the reference's; 0 skips it (default 2,4)
          --instance-concurrency <n>  sessions played at once in the instances configurations (default 32)
          --map-sizes <n,…>      map-size curve: items on the map (at most 2000); 0 skips it (default 10,200,2000)
          --held-workers <n>     workers going round-robin over the held sessions (default 32)
          --held-reference <n>   sessions of the held reference phase measured before them; 0 skips it (default 200)
          --bot-dll <path>       the bot to run (default src/JourneyBot.Web/bin/Release/net10.0/JourneyBot.Web.dll)
          --json-only            print only the JSON lines
          --by-kind              also print latency by kind of turn for each configuration (to stderr)
          --profile              instead of the matrix: one session turn by turn, with storage and connector calls per kind of turn
          --no-storage-counter   do not read the bot's metrics over EventPipe (storage not reported; shows what reading it costs)
          --print-metric-payload print the fields of the first metrics event (to check the EventPipe format)
        """;

    public IReadOnlyList<int> Concurrency { get; init; } = [1, 8, 32, 64];

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The held-sessions curve: sessions kept active, one phase each (after the reference phase).</summary>
    public IReadOnlyList<int> HeldSessions { get; init; } = [1000, 10000];

    /// <summary>Runs of every configuration; figures are their median.</summary>
    public int Runs { get; init; } = 3;

    /// <summary>Bot processes on one Azurite, one configuration each (a one-instance reference is run first).</summary>
    public IReadOnlyList<int> Instances { get; init; } = [2, 4];

    public int InstanceConcurrency { get; init; } = 32;

    /// <summary>The map-size curve: items on the map.</summary>
    public IReadOnlyList<int> MapSizes { get; init; } = [10, 200, 2000];

    public int HeldWorkers { get; init; } = 32;

    /// <summary>
    /// Before the held sessions, measure this many in the same process (0: none, as --quick). Not
    /// fewer: with as few sessions as workers, each thread would get ~15 turns a second, beyond what
    /// Teams lets a bot send into one thread, and the figures would show that wait instead.
    /// </summary>
    public int HeldReference { get; init; } = 200;

    public required string RepoRoot { get; init; }

    public required string BotDll { get; init; }

    /// <summary>Where the bot's and Azurite's logs go (git-ignored).</summary>
    public string LogFolder => Path.Combine(RepoRoot, ".data", "bench-load");

    /// <summary>Warm up to three times longer while the bot's JIT is still busy (not with --quick, which must stay under a minute).</summary>
    public bool LongerWarmupWhileJitting { get; init; } = true;

    public bool JsonOnly { get; init; }

    public bool ByKind { get; init; }

    public bool Profile { get; init; }

    public bool PrintMetricPayload { get; init; }

    public bool NoStorageCounter { get; init; }

    /// <summary>Reads the command line; throws <see cref="ArgumentException"/> with what is wrong.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = RepoPaths.Root;
        var options = new BenchOptions { RepoRoot = root, BotDll = Path.Combine(root, "src", "JourneyBot.Web", "bin", "Release", "net10.0", "JourneyBot.Web.dll") };
        if (args.Contains("--quick"))
        {
            options = options with
            {
                Concurrency = [8, 32], Duration = TimeSpan.FromSeconds(5), Warmup = TimeSpan.FromSeconds(2), HeldSessions = [200], HeldReference = 0,
                LongerWarmupWhileJitting = false, Runs = 1, Instances = [2], MapSizes = [10, 2000],
            };
        }

        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--quick" => options,
                "--concurrency" => options with { Concurrency = List(Value()) },
                "--runs" => options with { Runs = Positive(Value()) },
                "--instances" => options with { Instances = List(Value()) },
                "--instance-concurrency" => options with { InstanceConcurrency = Positive(Value()) },
                "--map-sizes" => options with { MapSizes = List(Value()) is var sizes && sizes.All(n => n <= Running.MapSizeRun.ItemLimit)
                    ? sizes : throw new ArgumentException($"A map holds at most {Running.MapSizeRun.ItemLimit} items.") },
                "--duration" => options with { Duration = Seconds(Value()) },
                "--warmup" => options with { Warmup = Seconds(Value()) },
                "--held-sessions" => options with { HeldSessions = List(Value()) },
                "--held-workers" => options with { HeldWorkers = Positive(Value()) },
                "--held-reference" => options with { HeldReference = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) },
                "--bot-dll" => options with { BotDll = Path.GetFullPath(Value()) },
                "--json-only" => options with { JsonOnly = true },
                "--by-kind" => options with { ByKind = true },
                "--profile" => options with { Profile = true },
                "--print-metric-payload" => options with { PrintMetricPayload = true },
                "--no-storage-counter" => options with { NoStorageCounter = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }

    // A list of positive numbers; "0" alone is the empty list (skip).
    private static int[] List(string text) => text.Trim() == "0" ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Positive)];

    private static int Positive(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"“{text}” is not a positive number.");

    private static TimeSpan Seconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(s)
            : throw new ArgumentException($"“{text}” is not a number of seconds.");
}
