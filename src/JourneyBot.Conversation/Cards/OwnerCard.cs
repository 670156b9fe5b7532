using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// The card of an owned action, in its owner's 1:1 chat: what they own and why it matters (the map,
/// the stage's pain points, the opportunity's votes), when it is due, how success is measured,
/// where it stands, who owned it before, its tracker task and the latest changes; and the buttons
/// Done, Blocked (with a reason), Open again, Reassign (a people picker) and Update the measure.
/// </summary>
/// <remarks>
/// Every button carries the team, the map, the action and whom the card was made for; the bot
/// checks them against the action as stored before it changes anything. Other features add their
/// own buttons after these (<c>extra</c>: the tracker's "Send to Planner"), up to the six Teams shows in a row.
/// </remarks>
internal static class OwnerCard
{
    /// <summary>Input ids of the card's fields.</summary>
    public const string ReasonInput = "owner.reason", OwnerInput = "owner.to", MeasureNameInput = "owner.measure",
        BaselineInput = "owner.baseline", TargetInput = "owner.target";

    /// <summary>How many of the latest changes the card shows (the whole history stays on the action).</summary>
    public const int ShownChanges = 3;

    /// <summary>How many colleagues the picker offers where the client has no people search.</summary>
    public const int MostChoices = 50;

    /// <summary>The most pain points of the stage the card names.</summary>
    public const int ShownPainPoints = 3;

    private const string BlockedId = "owner.blockedEntry", ReassignId = "owner.reassignEntry", MeasureId = "owner.measureEntry";

    // Teams shows at most six buttons in a row of a card's actions.
    private const int MostActions = 6;

    /// <summary>The card as the action stands, with <paramref name="note"/> (✔ or ⚠) under its title and <paramref name="extra"/> buttons after its own.</summary>
    public static AdaptiveCard For(OwnerCardView view, string? note = null, IReadOnlyList<CardAction>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var action = view.Action;
        var body = Describe(view);
        if (note is not null)
        {
            body.Insert(2, ContributeEntries.NoteSlot(note));
        }

        if (view.ReadOnly is { } why)
        {
            body.Insert(2, Say("⚠ " + why) with { Weight = "Bolder" });
            return new AdaptiveCard(body) { Refresh = Refresh(view) };
        }

        var data = Data(view);
        var actions = new List<CardAction>();

        // Each toggle shows its own entry and hides the others the card has (a done action has no "Blocked").
        IReadOnlyList<string> entries = action.Status == ActionStatus.Done ? [ReassignId, MeasureId] : [BlockedId, ReassignId, MeasureId];
        if (action.Status != ActionStatus.Done)
        {
            actions.Add(Button(Strings.ButtonDone, CardVerbs.ActionDone, data) with { Style = "positive" });
            body.Add(Entry(BlockedId, [
                new InputText { Id = ReasonInput, Label = Strings.OwnerReasonLabel, Value = action.BlockedReason, IsMultiline = true, MaxLength = TextRules.ItemMax },
            ], Button(Strings.ButtonMarkBlocked, CardVerbs.ActionBlocked, data)));
            actions.Add(Toggle(Strings.ButtonBlocked, BlockedId, entries));
        }

        if (action.Status != ActionStatus.Open)
        {
            actions.Add(Button(Strings.ButtonOpenAgain, CardVerbs.ActionReopen, data));
        }

        body.Add(Entry(ReassignId, [
            new InputChoiceSet
            {
                Id = OwnerInput,
                Label = Strings.OwnerReassignLabel,
                Choices = [.. view.Colleagues.Where(p => p.Id != action.Owner.Id).Take(MostChoices).Select(p => new Choice(p.Name, p.Id))],
                ChoicesData = ChoicesQuery.People,
                Style = "filtered",
                Placeholder = Strings.OwnerReassignPlaceholder,
            },
        ], Button(Strings.ButtonReassign, CardVerbs.ActionReassign, data)));
        actions.Add(Toggle(Strings.ButtonReassign, ReassignId, entries));
        body.Add(Entry(MeasureId, [
            new InputText { Id = MeasureNameInput, Label = Strings.OwnerMeasureNameLabel, Value = action.Measure?.Name, MaxLength = TextRules.ItemMax },
            new InputText { Id = BaselineInput, Label = Strings.OwnerBaselineLabel, Value = action.Measure?.Baseline, MaxLength = TextRules.ShortMax },
            new InputText { Id = TargetInput, Label = Strings.OwnerTargetLabel, Value = action.Measure?.Target, MaxLength = TextRules.ShortMax },
        ], Button(Strings.ButtonSaveMeasure, CardVerbs.ActionMeasure, data)));
        actions.Add(Toggle(Strings.ButtonUpdateMeasure, MeasureId, entries));
        actions.AddRange((extra ?? []).Take(MostActions - actions.Count));
        if (action.Status == ActionStatus.Blocked)
        {
            // Done, Blocked, Open again, Reassign and Update the measure are wider than a card in Teams (440 px)
            // in every language, and the last was cut: the status buttons get a row of their own, above the others.
            body.Add(new ActionSet(actions[..3]) { Separator = true });
            actions = actions[3..];
        }

        return new AdaptiveCard(body) { Actions = actions, Refresh = Refresh(view) };
    }

    /// <summary>A card whose action moved to someone else: what it was, who owns it now, nothing left to press.</summary>
    public static AdaptiveCard Moved(OwnerCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = Describe(view);
        body.Insert(2, Say("⚠ " + Strings.OwnerMoved.Fill(("owner", Markdown.Escape(view.Action.Owner.Name)))) with { Weight = "Bolder" });
        return new AdaptiveCard(body);
    }

    /// <summary>A card whose action is no longer stored (its map was deleted): nothing left to show or press.</summary>
    public static AdaptiveCard Gone() => new([Say("⚠ " + Strings.OwnerGone) with { Weight = "Bolder" }]);

    /// <summary>The button data every press of the card carries.</summary>
    public static Dictionary<string, string> Data(OwnerCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new()
        {
            [CardVerbs.TeamKey] = view.TeamKey,
            [CardVerbs.MapKey] = view.MapId,
            [CardVerbs.ActionKey] = view.Action.Id,
            [CardVerbs.ForKey] = view.For.Id,
        };
    }

    // Title, the action's words, [note slot goes here], the facts, why it matters, the latest changes.
    private static List<CardElement> Describe(OwnerCardView view)
    {
        var action = view.Action;
        var title = view.For.Id == action.Owner.Id ? Strings.OwnerYouOwn : Strings.OwnerOwnedBy.Fill(("owner", Markdown.Escape(action.Owner.Name)));
        var facts = new List<Fact>
        {
            new(Strings.OwnerMapLabel, Markdown.Escape(view.MapName)),
            new(Strings.OwnerStageLabel, Markdown.Escape(view.StageName)),
            new(Strings.OwnerDueLabel, action.IsOverdue(view.Today)
                ? Strings.OwnerDueOverdue.Fill(("due", action.Due))
                : Strings.OwnerDue.Fill(("due", action.Due))),
            new(Strings.OwnerMeasureLabel, Measure(action.Measure)),
            new(Strings.OwnerStatusLabel, Status(action)),
        };
        if (action.PreviousOwner is { } before)
        {
            facts.Add(new(Strings.OwnerBeforeLabel, Markdown.Escape(before.Name)));
        }

        if (action.Tracker is { } task)
        {
            facts.Add(new(Strings.OwnerTrackerLabel, Markdown.Escape(Strings.OwnerTracked.Fill(("tracker", task.Tracker), ("task", task.TaskId)))));
        }

        var body = new List<CardElement>
        {
            Heading(title),
            Plain(action.Text, bold: true),
            new FactSet(facts),
            Say(view.PainPoints.Count == 0 ? Strings.OwnerWhyNoPain.Fill(("votes", view.Votes)) : Strings.OwnerWhy.Fill(("votes", view.Votes))),
        };
        body.AddRange(view.PainPoints.Take(ShownPainPoints).Select(p => Plain(Strings.OwnerPainLine.Fill(("pain", p.Text), ("votes", p.Votes))) with { Spacing = "None" }));
        if (action.History.Count > 0)
        {
            body.Add(Say(Strings.OwnerHistoryTitle) with { Separator = true });
            body.AddRange(action.History.TakeLast(ShownChanges).Reverse().Select(c => Plain(Change(c), subtle: true) with { Spacing = "None" }));
        }

        return body;
    }

    private static string Measure(SuccessMeasure? measure) => measure is null
        ? Strings.OwnerNoMeasure
        : Markdown.Escape(Strings.OwnerMeasure.Fill(("name", measure.Name), ("baseline", measure.Baseline ?? Strings.OwnerNoBaseline),
            ("target", measure.Target ?? Strings.OwnerNoTarget)));

    private static string Status(OwnedAction action) => action.Status switch
    {
        ActionStatus.Done => Strings.OwnerStatusDone,
        ActionStatus.Blocked => Strings.OwnerStatusBlocked.Fill(("reason", Markdown.Escape(action.BlockedReason ?? string.Empty))),
        _ => Strings.OwnerStatusOpen,
    };

    /// <summary>One change in words: "25 Nov 09:00 UTC · Megan Bowen: marked it done".</summary>
    public static string Change(ActionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var detail = change.Detail ?? string.Empty;
        var what = change.Kind switch
        {
            ActionChangeKind.Done => Strings.OwnerChangeDone,
            ActionChangeKind.Blocked => Strings.OwnerChangeBlocked.Fill(("detail", detail)),
            ActionChangeKind.Reopened => Strings.OwnerChangeReopened,
            ActionChangeKind.Reassigned => Strings.OwnerChangeReassigned.Fill(("detail", detail)),
            ActionChangeKind.DueChanged => Strings.OwnerChangeDue.Fill(("detail", detail)),
            ActionChangeKind.MeasureChanged => Strings.OwnerChangeMeasure.Fill(("detail", detail)),
            ActionChangeKind.SentToTracker => Strings.OwnerChangeSent.Fill(("detail", detail)),
            _ => Strings.OwnerChangeDoneInTracker,
        };
        return Strings.OwnerHistoryLine.Fill(("at", change.At.ToUniversalTime()), ("who", change.By.Name), ("what", what));
    }

    // The owner's card refreshes itself when shown (Universal Actions), so a card the owner scrolls
    // back to shows the action as it is now, or that it moved.
    private static CardRefresh Refresh(OwnerCardView view) =>
        new(Button(Strings.ButtonRefresh, CardVerbs.ActionCard, Data(view)) with { Fallback = null });

    // A hidden part of the card with its fields and the button that sends them; a toggle in the card's actions opens it.
    private static Container Entry(string id, IReadOnlyList<CardElement> fields, CardAction send) =>
        new([.. fields, new ActionSet([send])]) { Id = id, Style = "emphasis", IsVisible = false };

    private static ToggleVisibilityAction Toggle(string title, string shows, IReadOnlyList<string> entries) =>
        new(title, [.. entries.Select(id => new TargetElement(id, id == shows))]);
}

/// <summary>What an owner's card shows, read together: the action and what it comes from.</summary>
/// <param name="TeamKey">The map's team.</param>
/// <param name="MapId">The map.</param>
/// <param name="MapName">The map's name.</param>
/// <param name="StageName">The stage of the action's opportunity (as named now, else as it was).</param>
/// <param name="Action">The action as stored.</param>
/// <param name="Votes">The votes the opportunity got.</param>
/// <param name="PainPoints">The stage's pain points, most voted first, with their votes.</param>
/// <param name="Colleagues">People of the team the action may go to (the picker's choices where the client has no people search).</param>
/// <param name="For">Whom the card is made for (its owner, usually).</param>
/// <param name="Today">The day, for the overdue mark.</param>
/// <param name="ReadOnly">Why nothing may change (the map was archived or cancelled), or null.</param>
/// <param name="Tracker">The tracker the team chose, for "Send to Planner"; null: none.</param>
internal sealed record OwnerCardView(
    string TeamKey, string MapId, string MapName, string StageName, OwnedAction Action, int Votes, IReadOnlyList<(string Text, int Votes)> PainPoints,
    IReadOnlyList<Person> Colleagues, Person For, DateOnly Today, string? ReadOnly, TeamTracker? Tracker = null);
