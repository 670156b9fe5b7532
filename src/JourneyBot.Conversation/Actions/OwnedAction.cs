using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Actions;

/// <summary>
/// An opportunity of a map the team committed to: someone owns it, it is due on a day, and it may
/// say how success is measured. One per opportunity (its <see cref="Id"/> is the opportunity's item id),
/// stored on its own row so that owners and facilitators never overwrite each other.
/// </summary>
/// <remarks>
/// Not to be confused with <see cref="ItemKind.Action"/>, which is what the customer does at a
/// stage. Every change after it was made is kept in <see cref="History"/>.
/// </remarks>
public sealed record OwnedAction
{
    /// <summary>The opportunity's item id, which also names the action (<c>act k3f9q …</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The stage of the opportunity.</summary>
    public required string StageId { get; init; }

    /// <summary>The opportunity's words when the action was made (the item may change or go later).</summary>
    public required string Text { get; init; }

    /// <summary>Who owns it. <see cref="Person.Id"/> is the Entra object id when Teams gave one, which Planner assigns by.</summary>
    public required Person Owner { get; init; }

    /// <summary>Who owned it before the latest reassignment, for the card to show; null while it never moved.</summary>
    public Person? PreviousOwner { get; init; }

    /// <summary>The owner's department, as the team knows it when the owner was set.</summary>
    public string? OwnerDepartment { get; init; }

    /// <summary>The day it is due (the team's day: no time of day, no zone).</summary>
    public required DateOnly Due { get; init; }

    /// <summary>How success is measured, if anyone said.</summary>
    public SuccessMeasure? Measure { get; init; }

    /// <summary>Where it stands.</summary>
    public ActionStatus Status { get; init; } = ActionStatus.Open;

    /// <summary>Why it is blocked, while it is.</summary>
    public string? BlockedReason { get; init; }

    /// <summary>Who made it an action.</summary>
    public required Person CreatedBy { get; init; }

    /// <summary>When it was made an action.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Every change since, oldest first (at most <see cref="MaxHistory"/>; the oldest go first).</summary>
    public IReadOnlyList<ActionChange> History { get; init; } = [];

    /// <summary>The task that tracks it in a tracker (Planner), once it was sent there.</summary>
    public TrackedTask? Tracker { get; init; }

    /// <summary>
    /// A send to the tracker under way (Send to Planner pressed, the task not yet created): claimed
    /// on this row first, so that a second press at the same moment creates no second task. Null
    /// when none is; one older than <see cref="TrackerSend.LapsesAfter"/> is a send that never finished.
    /// </summary>
    public TrackerSend? Sending { get; init; }

    /// <summary>
    /// The due day the owner was last reminded of ahead of it, so that a follow-up pass run twice
    /// reminds once, and a due day moved later is reminded of again.
    /// </summary>
    public DateOnly? RemindedAheadOf { get; init; }

    /// <summary>The due day the owner was last told they are past, for the same reasons.</summary>
    public DateOnly? RemindedOverdueOf { get; init; }

    /// <summary>The most changes <see cref="History"/> keeps, so that a row stays well within its size limit.</summary>
    public const int MaxHistory = 100;

    /// <summary>Whether it is past its day and not done, on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => Status != ActionStatus.Done && Due < today;

    /// <summary>This action with <paramref name="change"/> appended to its history (the oldest dropped beyond <see cref="MaxHistory"/>).</summary>
    public OwnedAction With(ActionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return this with { History = [.. History.Skip(Math.Max(0, History.Count + 1 - MaxHistory)), change] };
    }
}

/// <summary>Where an action stands.</summary>
public enum ActionStatus
{
    /// <summary>Being worked on, or not started.</summary>
    Open,

    /// <summary>Held up; <see cref="OwnedAction.BlockedReason"/> says why.</summary>
    Blocked,

    /// <summary>Done (pressed by the owner or the facilitator, or complete in the tracker).</summary>
    Done,
}

/// <summary>How the team will know the action worked, e.g. "repeat purchase within 90 days: 18% → 25%".</summary>
/// <param name="Name">What is measured.</param>
/// <param name="Baseline">Where it stands now, if known.</param>
/// <param name="Target">Where it should get to; null reads "no target yet".</param>
public sealed record SuccessMeasure(string Name, string? Baseline, string? Target);

/// <summary>One change of an action: who, when, what.</summary>
/// <param name="At">When.</param>
/// <param name="By">Who (for a change read from a tracker: the person the tracker names, or the bot).</param>
/// <param name="Kind">What kind of change.</param>
/// <param name="Detail">What changed, in the words of the change (a reason, the new owner's name, the new measure); null when the kind says it all.</param>
public sealed record ActionChange(DateTimeOffset At, Person By, ActionChangeKind Kind, string? Detail = null);

/// <summary>The kinds of change an action's history records.</summary>
public enum ActionChangeKind
{
    /// <summary>Marked done.</summary>
    Done,

    /// <summary>Marked blocked, with a reason.</summary>
    Blocked,

    /// <summary>Open again (after blocked or done).</summary>
    Reopened,

    /// <summary>Given to another owner.</summary>
    Reassigned,

    /// <summary>Its due day moved.</summary>
    DueChanged,

    /// <summary>Its success measure set or changed.</summary>
    MeasureChanged,

    /// <summary>Sent to a tracker (a task was created).</summary>
    SentToTracker,

    /// <summary>Found complete in the tracker.</summary>
    DoneInTracker,
}

/// <summary>A send of an action to its tracker, claimed before the task is created.</summary>
/// <param name="Id">Names this send, so that only it finishes or gives up its claim.</param>
/// <param name="By">Who pressed Send.</param>
/// <param name="At">When.</param>
public sealed record TrackerSend(string Id, Person By, DateTimeOffset At)
{
    /// <summary>
    /// How long a claim holds: far longer than a send takes (Planner's calls are bounded by a turn's
    /// 10 seconds), so a claim this old was left by an instance that stopped mid-send, and is taken over.
    /// </summary>
    public static readonly TimeSpan LapsesAfter = TimeSpan.FromMinutes(2);

    /// <summary>Whether the claim still holds at <paramref name="now"/>.</summary>
    public bool HoldsAt(DateTimeOffset now) => now - At < LapsesAfter;
}

/// <summary>The tracker task of an action.</summary>
/// <param name="Tracker">Which tracker: <c>planner</c> (Azure DevOps would be <c>devops</c>).</param>
/// <param name="TaskId">The task's id there.</param>
/// <param name="ETag">The task's ETag as last read or written (Planner wants it in If-Match on every update).</param>
/// <param name="Container">Where the task lives: the Planner plan id.</param>
/// <param name="SyncedAt">When the bot last read it back.</param>
public sealed record TrackedTask(string Tracker, string TaskId, string ETag, string Container, DateTimeOffset SyncedAt);
