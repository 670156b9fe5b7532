using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyBot.Bench.Load.Reporting;

/// <summary>
/// Several runs of one configuration as one result: each figure the median of the runs, with its
/// lowest and highest in <see cref="ConfigurationResult.Spread"/>; counts that must be zero (errors,
/// 429s, differing maps) are added up instead, so one bad run shows.
/// </summary>
internal static class RunMedian
{
    private static readonly HashSet<string> Added = new(StringComparer.Ordinal) { "errors", "connector429s", "mapsDiffering", "mapsCompared" };

    public static ConfigurationResult Of(IReadOnlyList<ConfigurationResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 1)
        {
            return runs[0];
        }

        var objects = runs.Select(r => JsonNode.Parse(r.ToJson())!.AsObject()).ToList();
        var result = objects[0].DeepClone().AsObject();
        var spread = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, value) in objects[0])
        {
            if (value is not JsonValue first || first.GetValueKind() != JsonValueKind.Number)
            {
                continue; // names, and the by-operation and by-type breakdowns, are the first run's
            }

            var values = objects.Select(o => o[name]?.GetValue<double>() ?? 0).Order().ToList();
            if (Added.Contains(name))
            {
                result[name] = values.Sum();
                continue;
            }

            result[name] = Running.Percentiles.Median(values);
            if (values[0] != values[^1])
            {
                spread[name] = [values[0], values[^1]];
            }
        }

        return result.Deserialize(ReportJson.Default.ConfigurationResult)! with { Runs = runs.Count, Spread = spread };
    }
}
