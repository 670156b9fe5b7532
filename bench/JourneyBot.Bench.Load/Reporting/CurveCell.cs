using System.Text.Json;

namespace JourneyBot.Bench.Load.Reporting;

/// <summary>
/// One cell of the map-size curve: what one operation cost the bot on a map of <see cref="Items"/>
/// items, as the median of the runs with the lowest and highest in brackets (<c>…Spread</c>).
/// </summary>
internal sealed record CurveCell
{
    public string Curve { get; init; } = "map-size";

    /// <summary>Items on the map when the operation ran.</summary>
    public required int Items { get; init; }

    /// <summary>contribution, status, progress-update, review-card, publish, page, json, csv, md.</summary>
    public required string Operation { get; init; }

    /// <summary>Runs the median is of.</summary>
    public required int Runs { get; init; }

    /// <summary>The bot's CPU per operation, ms (the idle bot's own CPU over the same time taken off).</summary>
    public required double CpuMs { get; init; }

    public required double[] CpuMsSpread { get; init; }

    /// <summary>Requests to Table Storage per operation (null when the counter could not be read).</summary>
    public required double? StorageOps { get; init; }

    public required double[]? StorageOpsSpread { get; init; }

    /// <summary>Calls to the connector per operation.</summary>
    public required double ConnectorCalls { get; init; }

    /// <summary>Errors over every run of the cell.</summary>
    public required long Errors { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Default.CurveCell);
}
