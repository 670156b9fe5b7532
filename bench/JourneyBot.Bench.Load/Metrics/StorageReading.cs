namespace JourneyBot.Bench.Load.Metrics;

/// <summary>The bot's storage requests counted so far, in total and by kind (read, query, insert …).</summary>
/// <param name="Total">Every request to Table Storage, retries included.</param>
/// <param name="ByOperation">The same by the counter's <c>operation</c> tag.</param>
internal sealed record StorageReading(double Total, IReadOnlyDictionary<string, double> ByOperation)
{
    /// <summary>What was counted between <paramref name="earlier"/> and this reading.</summary>
    public StorageReading Since(StorageReading earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var byOperation = ByOperation.ToDictionary(p => p.Key, p => p.Value - earlier.ByOperation.GetValueOrDefault(p.Key));
        return new StorageReading(Total - earlier.Total, byOperation);
    }
}
