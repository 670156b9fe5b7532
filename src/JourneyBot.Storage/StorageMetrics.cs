using System.Diagnostics.Metrics;

namespace JourneyBot.Storage;

/// <summary>
/// Counts the requests sent to Table Storage: the meter <c>JourneyBot.Storage</c>, counter
/// <c>journeybot.storage.operations</c>, tagged with the kind of request.
/// </summary>
/// <remarks>
/// Requests are what the service bills and throttles, and what makes a turn slow, so they are
/// counted as they leave (retries included) rather than per store call.
/// </remarks>
public sealed class StorageMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "JourneyBot.Storage";

    /// <summary>The counter's name.</summary>
    public const string OperationsCounterName = "journeybot.storage.operations";

    private readonly Counter<long> _operations;
    private long _total;

    /// <summary>Creates the meter from the host's factory.</summary>
    public StorageMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _operations = meter.CreateCounter<long>(OperationsCounterName, "{request}", "Requests sent to Table Storage, retries included.");
    }

    /// <summary>All requests counted so far by this instance.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Counts one request of kind <paramref name="operation"/>.</summary>
    public void Record(string operation)
    {
        Interlocked.Increment(ref _total);
        _operations.Add(1, new KeyValuePair<string, object?>("operation", operation));
    }
}
