using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Actions;

/// <summary>
/// A map's actions as shown on a day: the map card, the full page and the exports list them in the
/// same order and mark the same ones overdue.
/// </summary>
/// <param name="Actions">The map's actions and parked opportunities, as stored now.</param>
/// <param name="Today">The day they are shown on (the host clock's, see <see cref="On"/>): what is due before it and not done is overdue.</param>
public sealed record ActionsOnDay(MapActions Actions, DateOnly Today)
{
    /// <summary>
    /// <paramref name="actions"/> on the host clock's day, in UTC: the same day on every instance
    /// whatever its zone (a due day has no zone; a team spread over zones sees the mark change at
    /// one moment for all).
    /// </summary>
    public static ActionsOnDay On(MapActions actions, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new(actions, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>
    /// The actions in the order a reader needs them: overdue first (the longest overdue first), then
    /// the open and blocked ones by due day, then the done ones; ties oldest first.
    /// </summary>
    public IReadOnlyList<OwnedAction> Ordered() =>
        [.. Actions.Actions
            .OrderBy(a => a.IsOverdue(Today) ? 0 : a.Status == ActionStatus.Done ? 2 : 1)
            .ThenBy(a => a.Due)
            .ThenBy(a => a.CreatedAt)];

    /// <summary>How many are overdue.</summary>
    public int OverdueCount => Actions.Actions.Count(a => a.IsOverdue(Today));

    /// <summary>How many are done.</summary>
    public int DoneCount => Actions.Actions.Count(a => a.Status == ActionStatus.Done);

    /// <summary>Where <paramref name="action"/> stands, in words: "Open", "Blocked", "Done".</summary>
    public static string Status(OwnedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Status switch
        {
            ActionStatus.Blocked => Strings.ActionStatusBlocked,
            ActionStatus.Done => Strings.ActionStatusDone,
            _ => Strings.ActionStatusOpen,
        };
    }

    /// <summary>"repeat purchase within 90 days: 18% → 25%", in the owner's card's words ("no target yet" …); null without a measure.</summary>
    public static string? Measure(OwnedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Measure is not { } measure ? null
            : Strings.OwnerMeasure.Fill(("name", measure.Name), ("baseline", measure.Baseline ?? Strings.OwnerNoBaseline),
                ("target", measure.Target ?? Strings.OwnerNoTarget));
    }
}
