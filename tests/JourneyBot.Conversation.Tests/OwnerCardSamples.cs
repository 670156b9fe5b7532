using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// Every state of an owner's card for an opportunity of a map: open (with a note), blocked, done,
/// read-only (the map archived); and the cards with nothing left to press (moved, gone).
/// </summary>
internal static class OwnerCardSamples
{
    public const string Moved = "owner card moved", Gone = "owner card gone";

    /// <summary>
    /// The cards of the first opportunity of <paramref name="map"/>, with its full history of
    /// changes, a measure, a tracker task and <paramref name="colleagues"/> people to pick from.
    /// </summary>
    public static IEnumerable<(string Name, AdaptiveCard Card)> For(JourneyMap map, MapBoard board, int colleagues)
    {
        // A small map may have no opportunity yet: then the action is of one the card names alone.
        var opportunity = board.Items.FirstOrDefault(i => i.Kind == ItemKind.Opportunity)
            ?? new MapItem { Id = "k3f9q", Kind = ItemKind.Opportunity, StageId = map.Stages[0].Id, Text = "Guest checkout", Author = map.Facilitator };
        var owner = new Person("member-1", "Member 1 " + new string('m', 20));
        var at = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var action = new OwnedAction
        {
            Id = opportunity.Id, StageId = opportunity.StageId, Text = opportunity.Text, Owner = owner, OwnerDepartment = "Department 1",
            Due = new DateOnly(2026, 12, 11), CreatedBy = map.Facilitator, CreatedAt = at,
            Measure = new SuccessMeasure(new string('n', TextRules.ItemMax), new string('b', TextRules.ShortMax), new string('t', TextRules.ShortMax)),
            PreviousOwner = new Person("member-2", "Member 2 " + new string('m', 20)),
            Tracker = new TrackedTask("planner", new string('x', 40), "W/\"etag\"", "plan-1", at),
        };
        for (var i = 0; i < OwnedAction.MaxHistory; i++)
        {
            action = action.With(new ActionChange(at.AddMinutes(i), owner, ActionChangeKind.Blocked, new string('r', TextRules.ItemMax)));
        }

        var tally = board.Tally();
        var pains = board.Items.Where(i => i.Kind == ItemKind.PainPoint && i.StageId == action.StageId)
            .Select(i => (i.Text, tally.GetValueOrDefault(i.Id))).Take(OwnerCard.ShownPainPoints).ToList();
        var people = Enumerable.Range(1, colleagues).Select(i => new Person($"member-{i}", $"Member {i} " + new string('m', 20))).ToList();
        var stage = map.Stages.First(s => s.Id == action.StageId).Name;
        OwnerCardView View(OwnedAction shown, string? readOnly = null) =>
            new("19:team@thread.tacv2", map.Id, map.Name, stage, shown, tally.GetValueOrDefault(action.Id), pains, people, owner, new DateOnly(2026, 12, 14), readOnly);

        yield return ("owner card", OwnerCard.For(View(action), "✔ Measure saved."));
        yield return ("owner card blocked", OwnerCard.For(View(action with { Status = ActionStatus.Blocked, BlockedReason = new string('r', TextRules.ItemMax) })));
        yield return ("owner card done", OwnerCard.For(View(action with { Status = ActionStatus.Done })));
        yield return ("owner card read-only", OwnerCard.For(View(action, "“Map” is no longer being worked on, so this action can't be changed.")));
        yield return (Moved, OwnerCard.Moved(View(action with { Owner = people[^1] })));
        yield return (Gone, OwnerCard.Gone());
    }
}
