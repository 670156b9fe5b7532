using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// The progress card's picture of a round: for each stage, each department asked about it and
/// where it is (answered, waiting, nothing to add, can't reach), so the facilitator sees at a
/// glance whom the map has not heard from.
/// </summary>
internal static class RoundGrid
{
    /// <summary>The grid's elements for <paramref name="view"/>.</summary>
    public static IEnumerable<CardElement> For(JourneyMap map, RoundView view)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(view);
        var (round, asks) = (view.Round, view.Asks);
        // A finished map takes no answers: its round reads closed, whatever its deadline.
        yield return Say(round.State == RoundState.Open && map.Status == MapStatus.Active
            ? Strings.GridTitle.Fill(("number", round.Number), ("due", view.Due))
            : Strings.GridClosed.Fill(("number", round.Number))) with { Separator = true };
        foreach (var (stage, index) in map.Stages.Select((s, i) => (s, i)))
        {
            var departments = round.DepartmentsFor(stage.Id);
            if (departments.Count > 0)
            {
                var cells = departments.Select(d => $"{d} {Cell(asks.Where(a => Departments.Same(a.Department, d) && a.StageIds.Contains(stage.Id)))}");
                yield return Plain($"{index + 1}. {stage.Name} — {string.Join(" · ", cells)}") with { Spacing = "None" };
            }
        }

        yield return Say(Strings.GridLegend, subtle: true) with { Spacing = "Small" };
        var unreachable = asks.Where(a => a.State == AskState.CannotReach).Select(a => a.Member.Name).ToList();
        if (unreachable.Count > 0)
        {
            yield return Plain(Strings.GridCannotReach.Fill(("names", Texts.List(unreachable)))) with { Spacing = "Small" };
        }
    }

    // One department on one stage: answered as soon as one of its members did. Members who left
    // the team are no longer in it: a department whose asked members all left has nobody, not "nothing to add".
    private static string Cell(IEnumerable<RoundAsk> asked)
    {
        var states = asked.Select(a => a.State).Where(s => s != AskState.Left).ToList();
        return states.Count == 0 ? $"({Strings.GridNobody})"
            : states.Contains(AskState.Answered) ? "✔"
            : states.Any(s => s is AskState.Asked or AskState.NeedsDepartment) ? "…"
            : states.All(s => s == AskState.CannotReach) ? "⚠"
            : "–";
    }
}
