using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Trackers;
using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>A team's Planner plans and its choice, for the tracker's cards.</summary>
internal static class TrackerSamples
{
    public static IReadOnlyList<PlannerPlan> Plans { get; } = [new("plan-1", "Customer journey actions"), new("plan-2", "Store <b>refit</b>")];

    public static TeamTracker Chosen { get; } =
        new("planner", "plan-2", "Store refit", "group-1", People.Alex, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
}
