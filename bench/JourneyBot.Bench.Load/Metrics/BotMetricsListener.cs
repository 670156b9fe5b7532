using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace JourneyBot.Bench.Load.Metrics;

/// <summary>
/// Reads the bot's storage counter (meter <c>JourneyBot.Storage</c>, counter
/// <c>journeybot.storage.operations</c>) and a few runtime counters (JIT time, GC pauses and
/// collections, exceptions) from outside the process, over EventPipe, as dotnet-counters does:
/// the runtime's <c>System.Diagnostics.Metrics</c> event source publishes each time series once
/// per refresh interval, then a <c>Collection/Stop</c>.
/// </summary>
/// <remarks>
/// Each <c>CounterRateValuePublished</c> (one per tag combination) carries <c>value</c>, the count
/// since the session began, and <c>rate</c>, the increase over the interval. After every
/// <c>Collection/Stop</c> the sum over tags is handed to <see cref="Tick"/>: readings are exact at
/// those moments only, so measured windows start and end on them.
/// </remarks>
internal sealed class BotMetricsListener : IDisposable
{
    private const string Provider = "System.Diagnostics.Metrics";
    private const string MeterName = "JourneyBot.Storage";
    private const string CounterName = "journeybot.storage.operations";
    private const string RuntimeMeter = "System.Runtime";
    private const string JitTime = "dotnet.jit.compilation.time";
    private const string GcPauseTime = "dotnet.gc.pause.time";
    private const string GcCollections = "dotnet.gc.collections";
    private const string Exceptions = "dotnet.exceptions";

    private readonly string _sessionId = Guid.NewGuid().ToString("N");
    private readonly Dictionary<string, double> _byTags = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Instrument, string Tags), double> _runtime = [];
    private readonly EventPipeSession _session;
    private readonly EventPipeEventSource _source;
    private readonly Thread _reader;
    private readonly bool _printPayloads;
    private bool _printedPayload;

    private BotMetricsListener(int processId, double refreshSeconds, bool printPayloads)
    {
        _printPayloads = printPayloads;
        var arguments = new Dictionary<string, string>
        {
            ["SessionId"] = _sessionId,
            // A meter, or meter\instrument for one instrument only.
            ["Metrics"] = string.Join(',', MeterName, $"{RuntimeMeter}\\{JitTime}", $"{RuntimeMeter}\\{GcPauseTime}",
                $"{RuntimeMeter}\\{GcCollections}", $"{RuntimeMeter}\\{Exceptions}"),
            ["RefreshInterval"] = refreshSeconds.ToString(CultureInfo.InvariantCulture),
            ["MaxTimeSeries"] = "1000",
            ["MaxHistograms"] = "10",
        };
        // Keywords: 0x1 messages (errors of the session), 0x2 time series values.
        var provider = new EventPipeProvider(Provider, EventLevel.Informational, 0x3, arguments);
        _session = new DiagnosticsClient(processId).StartEventPipeSession([provider], requestRundown: false, circularBufferMB: 16);
        _source = new EventPipeEventSource(_session.EventStream);
        _source.Dynamic.All += OnEvent;
        _reader = new Thread(Read) { IsBackground = true, Name = "storage-metrics" };
        _reader.Start();
    }

    /// <summary>Raised on the listener's thread after each collection, with the counts so far.</summary>
    public event Action<BotMetrics>? Tick;

    /// <summary>The last error the event source reported, if any.</summary>
    public string? Error { get; private set; }

    /// <summary>Starts listening to the bot with process id <paramref name="processId"/>.</summary>
    public static BotMetricsListener Start(int processId, TimeSpan refreshInterval, bool printPayloads = false) =>
        new(processId, refreshInterval.TotalSeconds, printPayloads);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _session.Stop();
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or EndOfStreamException or IOException or TimeoutException)
        {
            // The bot has already gone; nothing to stop.
        }

        _reader.Join(TimeSpan.FromSeconds(5));
        _source.Dispose();
        _session.Dispose();
    }

    private void Read()
    {
        try
        {
            _source.Process();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or EndOfStreamException or InvalidOperationException
            or FormatException)
        {
            // The session ends when the bot exits or the listener is disposed, often in the middle of a block.
        }
    }

    private void OnEvent(TraceEvent data)
    {
        if (data.ProviderName != Provider)
        {
            return;
        }

        if (_printPayloads && !_printedPayload && data.EventName == "CounterRateValuePublished")
        {
            _printedPayload = true;
            var fields = data.PayloadNames.Select((name, i) => $"{name}={data.PayloadValue(i)}");
            Console.Error.WriteLine($"bench: {data.EventName} payload: {string.Join(", ", fields)}");
        }

        if (data.PayloadByName("sessionId") is string session && session != _sessionId)
        {
            return; // another tool's session on the same process
        }

        switch (data.EventName)
        {
            case "CounterRateValuePublished":
                var meter = data.PayloadByName("meterName") as string;
                var instrument = data.PayloadByName("instrumentName") as string ?? string.Empty;
                var tags = data.PayloadByName("tags") as string ?? string.Empty;
                var count = Count(data.PayloadByName("value") as string, data.PayloadByName("rate") as string);
                if (meter == MeterName && instrument == CounterName)
                {
                    _byTags[tags] = count(_byTags.GetValueOrDefault(tags));
                }
                else if (meter == RuntimeMeter)
                {
                    _runtime[(instrument, tags)] = count(_runtime.GetValueOrDefault((instrument, tags)));
                }

                break;
            case "CollectionStop" or "Collection/Stop":
                Tick?.Invoke(Reading());
                break;
            case "Error" or "MultipleSessionsNotSupportedError" or "MultipleSessionsConfiguredIncorrectlyError" or "TimeSeriesLimitReached":
                Error = $"{data.EventName}: {string.Join(", ", data.PayloadNames.Select((name, i) => $"{name}={data.PayloadValue(i)}"))}";
                break;
            default:
                break;
        }
    }

    // Since .NET 8 "value" is the count so far (since the session began, or the process for runtime
    // counters: only differences are used); before, only "rate", the interval's increase, was sent.
    private static Func<double, double> Count(string? value, string? rate) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var total) ? _ => total
        : double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var increase) ? before => before + increase
        : before => before;

    private BotMetrics Reading() => new(Storage(), Runtime(JitTime) * 1000, Runtime(GcPauseTime) * 1000, Runtime(GcCollections), Runtime(Exceptions),
        _runtime.Where(p => p.Key.Instrument == Exceptions).GroupBy(p => TagValue(p.Key.Tags)).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)));

    // "operation=read" → "read"; "error.type=System.TimeoutException" → "System.TimeoutException".
    private static string TagValue(string tags) =>
        tags.Contains('=', StringComparison.Ordinal) ? tags[(tags.IndexOf('=', StringComparison.Ordinal) + 1)..] : tags;

    // Summed over tags (a collection per generation, an exception per type …).
    private double Runtime(string instrument) => _runtime.Where(p => p.Key.Instrument == instrument).Sum(p => p.Value);

    // Tags arrive as "operation=read"; the kind is what follows the '='.
    private StorageReading Storage()
    {
        var byOperation = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (tags, count) in _byTags)
        {
            var operation = TagValue(tags);
            byOperation[operation] = byOperation.GetValueOrDefault(operation) + count;
        }

        return new StorageReading(byOperation.Values.Sum(), byOperation);
    }
}
