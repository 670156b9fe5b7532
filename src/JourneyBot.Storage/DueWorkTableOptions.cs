namespace JourneyBot.Storage;

/// <summary>Where the schedule's due work is kept: the section <c>Schedule</c>, on the maps' storage account.</summary>
public sealed class DueWorkTableOptions
{
    /// <summary>The configuration section (shared with the runner's settings).</summary>
    public const string Section = "Schedule";

    /// <summary>What the default table name adds to <see cref="TableStorageOptions.TableName"/>.</summary>
    public const string DefaultSuffix = "due";

    /// <summary>The table of due work; empty: the maps' table name followed by <c>due</c> (<c>journeymapsdue</c>).</summary>
    public string? TableName { get; set; }

    /// <summary>
    /// How far back an instance looks for due work when it starts, and on each rescan. Work due
    /// longer ago than this when no instance was running is not found.
    /// </summary>
    public TimeSpan LookBack { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How often an instance looks through the whole look-back again, to find work that another
    /// instance scheduled into an hour it had already passed (work scheduled late, due in the past).
    /// </summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromHours(1);
}
