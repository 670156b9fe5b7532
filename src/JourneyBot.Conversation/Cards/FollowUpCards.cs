using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Actions.FollowUp;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>The cards of an action's follow-up: the owner's reminders, and the facilitator's "map this stage again?".</summary>
internal static class FollowUpCards
{
    /// <summary>
    /// The reminder in the owner's 1:1 chat: ahead of the due day, or after it (<paramref name="overdue"/>).
    /// What the action says and the map's name are member text, shown exactly as typed.
    /// </summary>
    public static AdaptiveCard Reminder(JourneyMap map, OwnedAction action, bool overdue)
    {
        var due = ActionFollowUp.ShowDay(action.Due);
        var stage = map.Stages.FirstOrDefault(s => s.Id == action.StageId)?.Name;
        var body = new List<CardElement>
        {
            Plain(overdue ? Strings.ActionOverdueTitle.Fill(("due", due)) : Strings.ActionDueSoonTitle.Fill(("due", due)), bold: true),
            Plain(action.Text),
            Labelled(Strings.ActionReminderMap, stage is null ? map.Name : $"{map.Name} · {stage}"),
        };
        if (action.Measure is { } measure)
        {
            body.Add(Labelled(Strings.ActionReminderMeasure, measure.Name));
        }

        body.Add(Say(overdue ? Strings.ActionOverdueWhat : Strings.ActionDueSoonWhat, subtle: true));
        return new AdaptiveCard(body);
    }

    /// <summary>The question to the facilitator, in the map's thread, once every action of <paramref name="stage"/> is done.</summary>
    public static AdaptiveCard Remap(JourneyMap map, Stage stage) => new(
    [
        Plain(Strings.RemapStageTitle.Fill(("stage", stage.Name), ("map", map.Name)), bold: true),
        Plain(Strings.RemapStageAsk.Fill(("facilitator", map.Facilitator.Name), ("stage", stage.Name))),
    ])
    {
        Actions = [Button(Strings.ButtonRemapStage, CardVerbs.RemapStage, map, new Dictionary<string, string> { [CardVerbs.StageKey] = stage.Id })],
    };
}
