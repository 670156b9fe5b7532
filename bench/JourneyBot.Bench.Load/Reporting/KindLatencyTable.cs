using System.Globalization;
using System.Text;
using JourneyBot.Bench.Load.Running;

namespace JourneyBot.Bench.Load.Reporting;

/// <summary>Latency by kind of turn in a measured window (<c>--by-kind</c>): which turns are slow.</summary>
internal static class KindLatencyTable
{
    public static string Format(string configuration, IEnumerable<TurnRecord> window)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{configuration}: latency by kind of turn");
        text.AppendLine(CultureInfo.InvariantCulture, $"  {"kind of turn",-18}{"turns",7}{"p50 ms",9}{"p99 ms",9}{"max ms",9}{"errors",8}");
        foreach (var kind in window.GroupBy(t => t.Kind).OrderBy(g => g.Key))
        {
            var sorted = kind.Select(t => t.LatencyMs).Order().ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {kind.Key,-18}{sorted.Count,7}{Percentiles.Of(sorted, 50),9:0.0}{Percentiles.Of(sorted, 99),9:0.0}{sorted[^1],9:0}{kind.Count(t => !t.Ok),8}");
        }

        return text.ToString();
    }
}
