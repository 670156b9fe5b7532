using JourneyBot.Bench.Load.Connector;
using JourneyBot.Bench.Load.Metrics;
using JourneyBot.Bench.Load.Processes;
using JourneyBot.Testing;

namespace JourneyBot.Bench.Load.Running;

/// <summary>
/// What one configuration runs against, all fresh: Azurite, the mock connector, the bot in its own
/// process (or several, the instances configurations: one table, one signing key), the EventPipe
/// session on each one's storage counter, and the generator's client and logs.
/// </summary>
internal sealed class BenchEnvironment : IAsyncDisposable
{
    private AzuriteInstance? _azurite;
    private MockConnector? _connector;
    private readonly List<BotProcess> _bots = [];
    private List<BotMetricsListener>? _metrics;
    private Monitor? _monitor;
    private BotClient? _client;

    private BenchEnvironment()
    {
    }

    public MockConnector Connector => _connector!;

    /// <summary>The bot (the first one, with several instances).</summary>
    public BotProcess Bot => _bots[0];

    /// <summary>Every bot process of the configuration.</summary>
    public IReadOnlyList<BotProcess> Bots => _bots;

    public Monitor Monitor => _monitor!;

    public TurnLog Log { get; } = new();

    public StepPlayer Player { get; private set; } = null!;

    /// <summary>Posts turns to the bots and reads their map links.</summary>
    public BotClient Client => _client!;

    public SessionFactory Sessions { get; private set; } = null!;

    /// <summary>Whether storage requests are counted (the EventPipe session works).</summary>
    public bool CountsStorage => _metrics is not null;

    /// <summary>
    /// Starts everything for the configuration <paramref name="name"/>, with <paramref name="instances"/>
    /// bot processes; its logs go to the options' log folder.
    /// </summary>
    public static async Task<BenchEnvironment> StartAsync(BenchOptions options, string name, TimeSpan metricsInterval,
        CancellationToken cancellationToken, int instances = 1)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environment = new BenchEnvironment();
        var azuriteLog = Path.Combine(options.LogFolder, $"azurite-{name}.log");
        File.Delete(azuriteLog); // the logs of the last run only
        try
        {
            environment._azurite = await Azurite.StartInstanceAsync(azuriteLog, cancellationToken);
            environment._connector = await MockConnector.StartAsync();
            environment._connector.ComplaintSeen += complaint => environment.Log.Fail($"the bot answered: {complaint}");
            var signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            for (var i = 0; i < instances; i++)
            {
                var botLog = Path.Combine(options.LogFolder, instances == 1 ? $"bot-{name}.log" : $"bot-{name}-{i + 1}.log");
                File.Delete(botLog);
                environment._bots.Add(await BotProcess.StartAsync(options.BotDll, environment._azurite.ConnectionString,
                    "bench" + name.Replace("-", string.Empty, StringComparison.Ordinal), botLog, signingKey, instances, cancellationToken));
            }

            environment._metrics = options.NoStorageCounter
                ? null
                : await ListenAsync(environment._bots, metricsInterval, options.PrintMetricPayload);
            environment._monitor = new Monitor([.. environment._bots.Select(b => b.ProcessId)], environment._azurite.ProcessId,
                environment._connector, environment.Log, environment._metrics);
            environment._client = new BotClient([.. environment._bots.Select(b => b.MessagesUrl)]);
            environment.Player = new StepPlayer(environment._client, environment.Log);
            environment.Sessions = new SessionFactory(environment._connector);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _monitor?.Dispose();
        _client?.Dispose();
        foreach (var bot in _bots)
        {
            await bot.DisposeAsync();
        }

        foreach (var metrics in _metrics ?? [])
        {
            metrics.Dispose();
        }

        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    // The counter is read over EventPipe, one session per bot; if that does not work here, the run goes on without storage figures.
    private static async Task<List<BotMetricsListener>?> ListenAsync(IReadOnlyList<BotProcess> bots, TimeSpan interval, bool printPayload)
    {
        var listening = new List<BotMetricsListener>();
        BotMetricsListener? metrics = null;
        try
        {
            foreach (var bot in bots)
            {
                metrics = BotMetricsListener.Start(bot.ProcessId, interval, printPayload && listening.Count == 0);
                listening.Add(metrics);
                var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                metrics.Tick += _ => first.TrySetResult();
                await first.Task.WaitAsync(TimeSpan.FromSeconds(10) + interval);
            }

            return listening;
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or UnauthorizedAccessException
            or Microsoft.Diagnostics.NETCore.Client.ServerNotAvailableException or Microsoft.Diagnostics.NETCore.Client.ServerErrorException)
        {
            Console.Error.WriteLine($"bench: cannot read the bot's storage counter over EventPipe ({ex.Message}" +
                $"{(metrics?.Error is { } error ? "; " + error : string.Empty)}); storage operations are not reported.");
            foreach (var listener in listening)
            {
                listener.Dispose();
            }

            return null;
        }
    }
}
