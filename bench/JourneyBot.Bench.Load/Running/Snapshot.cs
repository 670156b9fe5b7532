using JourneyBot.Bench.Load.Connector;
using JourneyBot.Bench.Load.Metrics;

namespace JourneyBot.Bench.Load.Running;

/// <summary>Everything counted, at one moment: the ends of a measured window are two of these.</summary>
/// <param name="Timestamp">When (Stopwatch timestamp).</param>
/// <param name="BotCpuMs">The bot's CPU time so far.</param>
/// <param name="AzuriteCpuMs">Azurite's CPU time so far.</param>
/// <param name="GeneratorCpuMs">This generator's CPU time so far (connector included).</param>
/// <param name="Metrics">The bot's storage requests and runtime counters so far, exact at a metrics collection; null without metrics.</param>
/// <param name="Connector">The connector's totals.</param>
/// <param name="Errors">Errors so far.</param>
internal sealed record Snapshot(long Timestamp, double BotCpuMs, double AzuriteCpuMs, double GeneratorCpuMs, BotMetrics? Metrics,
    ConnectorReading Connector, long Errors);
