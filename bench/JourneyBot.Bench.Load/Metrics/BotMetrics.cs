namespace JourneyBot.Bench.Load.Metrics;

/// <summary>What the bot's own meters counted so far, at one collection.</summary>
/// <param name="Storage">Its requests to Table Storage.</param>
/// <param name="JitMs">Time its JIT spent compiling (System.Runtime <c>dotnet.jit.compilation.time</c>).</param>
/// <param name="GcPauseMs">Time the GC paused it (<c>dotnet.gc.pause.time</c>).</param>
/// <param name="GcCollections">Its garbage collections, all generations (<c>dotnet.gc.collections</c>).</param>
/// <param name="Exceptions">Exceptions thrown in it, caught or not (<c>dotnet.exceptions</c>).</param>
/// <param name="ExceptionsByType">The same by the counter's <c>error.type</c> tag.</param>
internal sealed record BotMetrics(StorageReading Storage, double JitMs, double GcPauseMs, double GcCollections, double Exceptions,
    IReadOnlyDictionary<string, double> ExceptionsByType)
{
    /// <summary>What was counted between <paramref name="earlier"/> and this reading.</summary>
    public BotMetrics Since(BotMetrics earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new(Storage.Since(earlier.Storage), JitMs - earlier.JitMs, GcPauseMs - earlier.GcPauseMs,
            GcCollections - earlier.GcCollections, Exceptions - earlier.Exceptions,
            ExceptionsByType.ToDictionary(p => p.Key, p => p.Value - earlier.ExceptionsByType.GetValueOrDefault(p.Key)));
    }

    /// <summary>The readings of several bot processes added up (the instances configurations).</summary>
    public static BotMetrics Sum(IReadOnlyList<BotMetrics> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return readings.Count == 1 ? readings[0] : new(
            new StorageReading(readings.Sum(r => r.Storage.Total), Merge(readings.Select(r => r.Storage.ByOperation))),
            readings.Sum(r => r.JitMs), readings.Sum(r => r.GcPauseMs), readings.Sum(r => r.GcCollections), readings.Sum(r => r.Exceptions),
            Merge(readings.Select(r => r.ExceptionsByType)));
    }

    private static Dictionary<string, double> Merge(IEnumerable<IReadOnlyDictionary<string, double>> counts) =>
        counts.SelectMany(c => c).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
}
