using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Bench.Micro.Maps;

/// <summary>Where the benchmarks' sessions happen: a Teams channel thread with Teams-shaped ids.</summary>
internal static class BenchScope
{
    /// <summary>The team and the thread, as ActivityReader derives them from a channel message.</summary>
    public static MapScope Channel { get; } = new("19:5b1c0e0a3f2e4d6f8a9b@thread.tacv2", "19:general0a1b2c3d4e5f@thread.tacv2;messageid=1767261600000");
}
