using JourneyBot.Conversation.Actions;

namespace JourneyBot.Conversation.Trackers;

/// <summary>What the tracker commands need from outside the flow: the actions, Planner, and the schedule of read-backs.</summary>
/// <param name="Actions">Where actions and the team's tracker choice live.</param>
/// <param name="Planner">Microsoft Planner, through Graph (or <see cref="NoPlanner"/>).</param>
/// <param name="Work">The hourly read-back of a map's tasks.</param>
/// <param name="Clock">The host's clock.</param>
/// <param name="Groups">The team's Microsoft 365 group, when a turn does not carry it (none: only what turns carry).</param>
public sealed record TrackerServices(IActionStore Actions, IPlanner Planner, TrackerWork Work, TimeProvider Clock, ITeamGroups? Groups = null)
{
    /// <summary>The read-back of a map's tasks (the hourly pass, and the map card's refresh).</summary>
    public TrackerSync Sync { get; } = new(Actions, Planner, Clock);
}
