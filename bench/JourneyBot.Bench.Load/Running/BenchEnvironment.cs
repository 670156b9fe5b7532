using JourneyBot.Bench.Load.Connector;
using JourneyBot.Bench.Load.Metrics;
using JourneyBot.Bench.Load.Processes;
using JourneyBot.Testing;

namespace JourneyBot.Bench.Load.Running;

/// <summary>
/// What one configuration runs against, all fresh: Azurite, the mock connector, the bot in its own
/// process, the EventPipe session on its storage counter, and the generator's client and logs.
/// </summary>
internal sealed class BenchEnvironment : IAsyncDisposable
{
    private AzuriteInstance? _azurite;
    private MockConnector? _connector;
    private BotProcess? _bot;
    private BotMetricsListener? _metrics;
    private Monitor? _monitor;
    private BotClient? _client;

    private BenchEnvironment()
    {
    }

    public MockConnector Connector => _connector!;

    public BotProcess Bot => _bot!;

    public Monitor Monitor => _monitor!;

    public TurnLog Log { get; } = new();

    public StepPlayer Player { get; private set; } = null!;

    public SessionFactory Sessions { get; private set; } = null!;

    /// <summary>Whether storage requests are counted (the EventPipe session works).</summary>
    public bool CountsStorage => _metrics is not null;

    /// <summary>Starts everything for the configuration <paramref name="name"/>; its logs go to the options' log folder.</summary>
    public static async Task<BenchEnvironment> StartAsync(BenchOptions options, string name, TimeSpan metricsInterval,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environment = new BenchEnvironment();
        var (azuriteLog, botLog) = (Path.Combine(options.LogFolder, $"azurite-{name}.log"), Path.Combine(options.LogFolder, $"bot-{name}.log"));
        File.Delete(azuriteLog); // the logs of the last run only
        File.Delete(botLog);
        try
        {
            environment._azurite = await Azurite.StartInstanceAsync(azuriteLog, cancellationToken);
            environment._connector = await MockConnector.StartAsync();
            environment._connector.ComplaintSeen += complaint => environment.Log.Fail($"the bot answered: {complaint}");
            environment._bot = await BotProcess.StartAsync(options.BotDll, environment._azurite.ConnectionString,
                "bench" + name.Replace("-", string.Empty, StringComparison.Ordinal), botLog, cancellationToken);
            environment._metrics = options.NoStorageCounter
                ? null
                : await ListenAsync(environment._bot.ProcessId, metricsInterval, options.PrintMetricPayload);
            environment._monitor = new Monitor(environment._bot.ProcessId, environment._azurite.ProcessId, environment._connector, environment.Log,
                environment._metrics);
            environment._client = new BotClient(environment._bot.MessagesUrl);
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
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        _metrics?.Dispose();
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    // The counter is read over EventPipe; if that does not work here, the run goes on without storage figures.
    private static async Task<BotMetricsListener?> ListenAsync(int botProcessId, TimeSpan interval, bool printPayload)
    {
        BotMetricsListener? metrics = null;
        try
        {
            metrics = BotMetricsListener.Start(botProcessId, interval, printPayload);
            var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            metrics.Tick += _ => first.TrySetResult();
            await first.Task.WaitAsync(TimeSpan.FromSeconds(10) + interval);
            return metrics;
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or UnauthorizedAccessException
            or Microsoft.Diagnostics.NETCore.Client.ServerNotAvailableException or Microsoft.Diagnostics.NETCore.Client.ServerErrorException)
        {
            Console.Error.WriteLine($"bench: cannot read the bot's storage counter over EventPipe ({ex.Message}" +
                $"{(metrics?.Error is { } error ? "; " + error : string.Empty)}); storage operations are not reported.");
            metrics?.Dispose();
            return null;
        }
    }
}
