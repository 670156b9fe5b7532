using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Bench.Load.Reporting;

/// <summary>
/// The figures of one configuration, as printed in the table and as one JSON line. Per-turn figures
/// divide what was counted in the measured window by the turns completed in it.
/// </summary>
internal sealed record ConfigurationResult
{
    /// <summary>e.g. <c>c32</c> (the full script, 32 at once) or <c>held-1000</c>.</summary>
    public required string Configuration { get; init; }

    /// <summary>Turns in flight at once at most (workers); a burst step sends several turns of one worker at once.</summary>
    public required int Concurrency { get; init; }

    /// <summary>Sessions active at once: as many as workers, or the held sessions.</summary>
    public required int ActiveSessions { get; init; }

    /// <summary>Distinct sessions that played a turn in the window.</summary>
    public required int Sessions { get; init; }

    /// <summary>Sessions whose publish completed in the window.</summary>
    public required int SessionsPublished { get; init; }

    public required int Turns { get; init; }

    public required double Seconds { get; init; }

    public required double TurnsPerSecond { get; init; }

    public required double P50Ms { get; init; }

    public required double P95Ms { get; init; }

    public required double P99Ms { get; init; }

    public required double MaxMs { get; init; }

    /// <summary>The bot process's user + system CPU time over the window, per turn.</summary>
    public required double CpuMsPerTurn { get; init; }

    /// <summary>The bot's VmHWM at the end: its highest resident set size since it started.</summary>
    public required double PeakRssMb { get; init; }

    /// <summary>The highest VmRSS of four samples a second, during this configuration's phase.</summary>
    public required double SampledMaxRssMb { get; init; }

    /// <summary>Requests to Table Storage per turn (null when the counter could not be read).</summary>
    public required double? StorageOpsPerTurn { get; init; }

    /// <summary>The same by kind of request (read, query, insert, upsert, update, merge, delete, transaction, table).</summary>
    public required IReadOnlyDictionary<string, double>? StorageOpsPerTurnByOperation { get; init; }

    public required double ConnectorCallsPerTurn { get; init; }

    /// <summary>New messages and replies (POST) per turn.</summary>
    public required double ConnectorPostsPerTurn { get; init; }

    /// <summary>Updates in place (PUT) per turn.</summary>
    public required double ConnectorPutsPerTurn { get; init; }

    /// <summary>
    /// Updates of the living progress card per turn (part of the puts). The bot coalesces them per
    /// conversation and interval, so they fall as each conversation gets more turns per interval.
    /// </summary>
    public required double ProgressCardUpdatesPerTurn { get; init; }

    /// <summary>Request body bytes sent to the connector per turn.</summary>
    public required double ConnectorBytesPerTurn { get; init; }

    /// <summary>The most sends (POST or PUT) into one conversation within any one second, over the whole phase.</summary>
    public required int MaxSendsPerSecondPerConversation { get; init; }

    /// <summary>
    /// Sends the mock connector answered 429 over the whole phase (warm-up and drain included),
    /// because they were beyond Teams' per-conversation limits; the goal is 0.
    /// </summary>
    public required long Connector429s { get; init; }

    /// <summary>Bot processes on the one Azurite (1 but for the instances configurations).</summary>
    public int Instances { get; init; } = 1;

    /// <summary>
    /// Sessions whose published map was compared with the same session's map on one instance, and
    /// how many of them differed (each also an error); null when not compared.
    /// </summary>
    public int? MapsCompared { get; init; }

    public int? MapsDiffering { get; init; }

    /// <summary>
    /// Time the bot's JIT compiled during the window: well above zero means the bot was not warm yet
    /// and its CPU per turn is too high.
    /// </summary>
    public required double JitMs { get; init; }

    /// <summary>Time the bot was paused by its garbage collector, per turn.</summary>
    public required double GcPauseMsPerTurn { get; init; }

    /// <summary>The bot's garbage collections in the window, all generations.</summary>
    public required int GcCollections { get; init; }

    /// <summary>Exceptions thrown in the bot per turn, caught ones included (conflicts, cancellations …).</summary>
    public required double ExceptionsPerTurn { get; init; }

    /// <summary>The exceptions of the window by type, when there were any.</summary>
    public required IReadOnlyDictionary<string, long>? ExceptionsByType { get; init; }

    /// <summary>Azurite's CPU per turn (it shares the machine: context for the bot's figures).</summary>
    public required double AzuriteCpuMsPerTurn { get; init; }

    /// <summary>This generator's CPU per turn, its mock connector included.</summary>
    public required double GeneratorCpuMsPerTurn { get; init; }

    /// <summary>Every error of the phase, warm-up and drain included.</summary>
    public required long Errors { get; init; }

    /// <summary>Runs the figures are the median of (see <see cref="RunMedian"/>).</summary>
    public int Runs { get; init; } = 1;

    /// <summary>With several runs: each figure's lowest and highest, by its JSON name.</summary>
    public IReadOnlyDictionary<string, double[]>? Spread { get; init; }

    /// <summary>The one-line JSON form.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Default.ConfigurationResult);
}

/// <summary>Source-generated JSON for the report: camelCase, nulls written.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ConfigurationResult))]
[JsonSerializable(typeof(KindProfile))]
[JsonSerializable(typeof(CurveCell))]
internal sealed partial class ReportJson : JsonSerializerContext;
