using System.Globalization;
using System.Text;

namespace JourneyBot.Bench.Load.Reporting;

/// <summary>The readable table of every configuration's figures.</summary>
internal static class ResultTable
{
    private static readonly (string Heading, int Width, Func<ConfigurationResult, string> Value)[] Columns =
    [
        ("configuration", 14, r => r.Configuration),
        ("turns/s", 8, r => F(r.TurnsPerSecond, 0)),
        ("p50 ms", 7, r => F(r.P50Ms, 1)),
        ("p95 ms", 7, r => F(r.P95Ms, 1)),
        ("p99 ms", 7, r => F(r.P99Ms, 1)),
        ("max ms", 7, r => F(r.MaxMs, 0)),
        ("CPU ms/turn", 11, r => F(r.CpuMsPerTurn, 3)),
        ("peak RSS MB", 11, r => F(r.PeakRssMb, 0)),
        ("storage ops/turn", 16, r => r.StorageOpsPerTurn is { } ops ? F(ops, 2) : "n/a"),
        ("conn calls/turn", 15, r => F(r.ConnectorCallsPerTurn, 2)),
        ("conn KB/turn", 12, r => F(r.ConnectorBytesPerTurn / 1024, 2)),
        ("max sends/s/conv", 16, r => r.MaxSendsPerSecondPerConversation.ToString(CultureInfo.InvariantCulture)),
        ("429s", 5, r => r.Connector429s.ToString(CultureInfo.InvariantCulture)),
        ("maps same", 9, r => r.MapsCompared is { } compared ? $"{compared - (r.MapsDiffering ?? 0)}/{compared}" : string.Empty),
        ("errors", 6, r => r.Errors.ToString(CultureInfo.InvariantCulture)),
    ];

    public static string Format(IEnumerable<ConfigurationResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join("  ", Columns.Select((c, i) => i == 0 ? c.Heading.PadRight(c.Width) : c.Heading.PadLeft(c.Width))));
        foreach (var result in results)
        {
            text.AppendLine(string.Join("  ", Columns.Select((c, i) => i == 0 ? c.Value(result).PadRight(c.Width) : c.Value(result).PadLeft(c.Width))));
        }

        return text.ToString();
    }

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
