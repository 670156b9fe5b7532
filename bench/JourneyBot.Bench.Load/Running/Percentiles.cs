namespace JourneyBot.Bench.Load.Running;

/// <summary>Nearest-rank percentiles of a sorted list.</summary>
internal static class Percentiles
{
    /// <summary>The value below which <paramref name="percent"/> % of <paramref name="sorted"/> lie (nearest rank); 0 when empty.</summary>
    public static double Of(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>The median of several runs' figures (sorted); of an even number, the lower middle one: a figure some run measured.</summary>
    public static double Median(List<double> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted[(sorted.Count - 1) / 2];
    }
}
