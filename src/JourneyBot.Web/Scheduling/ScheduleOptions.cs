namespace JourneyBot.Web.Scheduling;

/// <summary>How each instance works through the durable schedule (section <c>Schedule</c>).</summary>
public sealed class ScheduleOptions
{
    /// <summary>
    /// False: this instance does no scheduled work (reminders and deadlines are then done by the
    /// instances that do). For hosts that must not poll storage, such as tests that count its requests.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The configuration section (shared with the schedule's table settings).</summary>
    public const string Section = "Schedule";

    /// <summary>How often an instance looks for due work: how late, at most, work is done.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claim holds work for one instance. Longer than any handler takes: work still
    /// running when its lease runs out may be taken, and done again, by another instance.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How much work one claim takes, done at once; a poll claims again until none is due.</summary>
    public int MaxPerPoll { get; set; } = 10;

    /// <summary>After this many failed attempts, work is given up (logged as an error) and removed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry of failed work; it doubles with each attempt, up to an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
