namespace JourneyBot.Web.Trackers;

/// <summary>
/// Sending actions to Microsoft Planner (section <c>Planner</c>), through Graph at <c>Graph:BaseUrl</c>
/// with the bot's app-only token. Off by default; on, the bot's app needs the application
/// permissions <c>Tasks.ReadWrite.All</c> and <c>Group.Read.All</c> with an admin's consent.
/// </summary>
public sealed class PlannerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Planner";

    /// <summary>Whether <c>tracker planner</c> and Send to Planner reach Planner (else they say it is not set up).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// How long one Planner operation may take, token, retries and all (creating a task is three
    /// calls): a member's turn waits for it, within the turn's own 10 seconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The longest <c>Retry-After</c> of a throttled call (429) the bot waits out before trying once
    /// more; a longer one fails the call (the action is kept, the hourly pass reads it again).
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// The shortest time between two read-backs of one map's tasks for its card's refresh (on each
    /// instance): the members looking at the card within it share one, and see the actions as stored.
    /// Zero reads back on every look that finds none under way.
    /// </summary>
    public TimeSpan ReadBackInterval { get; set; } = Conversation.Trackers.TrackerReadBack.DefaultInterval;
}
