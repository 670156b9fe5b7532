using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// The facilitator's card for a round of questions: which departments are asked about each stage
/// (pre-filled), by when, anonymous or not, and who will be asked; "Send questions" sends it, and
/// the card then says where the questions went.
/// </summary>
/// <remarks>
/// Each stage's departments are one multi-select of check boxes, so each stage × department cell
/// is one tick. Every version of the card keeps its inputs in the same places (the note's place is
/// there, hidden), as the contribution card does, for Agents Playground's sake.
/// </remarks>
internal static class RoutingCard
{
    /// <summary>Input id of a stage's departments.</summary>
    public static string RouteInput(string stageId) => "route." + stageId;

    /// <summary>Input ids of the deadline and of the two choices.</summary>
    public const string DateInput = "deadlineDate", TimeInput = "deadlineTime", AnonymousInput = "anonymous", ReviewInput = "reviewAtDeadline";

    /// <summary>Data key of "Send questions" on a card that asks those who answered before too (<see cref="RoutingDraft.AskEveryone"/>).</summary>
    public const string EveryoneKey = "everyone";

    /// <summary>The card, filled with <paramref name="draft"/>.</summary>
    public static AdaptiveCard For(JourneyMap map, RoutingDraft draft, IReadOnlyList<RosterMember> roster, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(roster);
        var (date, time) = RoundTime.Inputs(draft.Deadline, draft.Zone);
        var body = new List<CardElement>
        {
            new RichTextBlock([new TextRun(map.Name) { Weight = "Bolder" }, new TextRun(Strings.RoutingSuffix)]),
            ContributeEntries.NoteSlot(note),
            Say(Strings.RoutingIntro),
        };
        body.AddRange(map.Stages.Select((stage, i) => new InputChoiceSet
        {
            Id = RouteInput(stage.Id),
            Label = $"{i + 1}. {stage.Name}",
            Choices = [.. draft.TeamDepartments.Select(d => new Choice(d, d))],
            Value = string.Join(',', draft.Routing.TryGetValue(stage.Id, out var departments) ? departments : []),
            IsMultiSelect = true,
            Style = "expanded",
        }));
        body.Add(new InputDate { Id = DateInput, Label = Strings.RoutingDeadlineLabel.Fill(("zone", draft.Zone.Id)), Value = date, Separator = true });
        body.Add(new InputTime { Id = TimeInput, Label = Strings.RoutingTimeLabel, Value = time });
        body.Add(new InputToggle { Id = AnonymousInput, Title = Strings.RoutingAnonymous, Value = draft.Anonymous ? "true" : "false" });
        body.Add(new InputToggle { Id = ReviewInput, Title = Strings.RoutingReviewAtDeadline, Value = draft.ReviewAtDeadline ? "true" : "false" });
        AddWhoIsAsked(body, [.. roster.Where(m => m.Person.Id != map.Facilitator.Id)]);
        return new AdaptiveCard(body)
        {
            Actions =
            [
                Button(Strings.ButtonSendQuestions, CardVerbs.SendRound, map,
                    draft.AskEveryone ? new Dictionary<string, string> { [EveryoneKey] = "true" } : null) with { Style = "positive" },
                Button(Strings.ButtonNotNow, CardVerbs.DropRound, map),
            ],
        };
    }

    /// <summary>What the card becomes once the questions are out: where they went, and when they are due.</summary>
    public static AdaptiveCard Sent(JourneyMap map, Round round, RoundPlan plan, string due)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(plan);
        var body = new List<CardElement>
        {
            new RichTextBlock([new TextRun(map.Name) { Weight = "Bolder" }, new TextRun(Strings.RoutingSuffix)]),
            Plain(Strings.RoundSent.Fill(("people", plan.Asks.Count), ("departments", plan.DepartmentsAsked.Count), ("due", due)), bold: true),
        };
        foreach (var group in plan.Asks.Where(a => a.Department is not null).GroupBy(a => a.Department!.ToUpperInvariant()))
        {
            body.Add(Labelled(group.First().Department!, string.Join(", ", group.Select(a => a.Member.Name))) with { Spacing = "None" });
        }

        var unknown = plan.Asks.Where(a => a.Department is null).Select(a => a.Member.Name).ToList();
        if (unknown.Count > 0)
        {
            body.Add(Labelled(Strings.RoundDepartmentFirst, string.Join(", ", unknown)) with { Spacing = "None" });
        }

        body.Add(Say(round.Anonymous ? Strings.RoundSentAnonymous : Strings.RoundSentHow, subtle: true));
        return new AdaptiveCard(body);
    }

    /// <summary>What the card becomes when the facilitator does not send it.</summary>
    public static AdaptiveCard Dropped(JourneyMap map) => new(
    [
        new RichTextBlock([new TextRun(map.Name) { Weight = "Bolder" }, new TextRun(Strings.RoutingSuffix)]),
        Say(Strings.RoundNotSent),
    ]);

    // The conversation's members by department; those whose department is not known apart.
    private static void AddWhoIsAsked(List<CardElement> body, IReadOnlyList<RosterMember> roster)
    {
        body.Add(Say(Strings.RoutingWhoIsAsked) with { Separator = true });
        foreach (var group in roster.Where(m => m.Department is not null).GroupBy(m => m.Department!.ToUpperInvariant()).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            body.Add(Labelled(group.First().Department!, string.Join(", ", group.Select(m => m.Person.Name))) with { Spacing = "None" });
        }

        var unknown = roster.Where(m => m.Department is null).Select(m => m.Person.Name).ToList();
        if (unknown.Count > 0)
        {
            body.Add(Labelled(Strings.RoundDepartmentFirst, string.Join(", ", unknown)) with { Spacing = "None" });
        }
    }
}

/// <summary>What the routing card holds: the team's departments, who is asked about each stage, the deadline and the choices.</summary>
/// <param name="TeamDepartments">The team's departments (the columns).</param>
/// <param name="Routing">For each stage id, the departments asked.</param>
/// <param name="Deadline">When answers are due.</param>
/// <param name="Zone">The facilitator's time zone, in which the deadline is shown and read.</param>
/// <param name="Anonymous">An anonymous round.</param>
/// <param name="ReviewAtDeadline">Move to the review at the deadline.</param>
/// <param name="AskEveryone">
/// Ask members who answered an earlier round too: a stage mapped again after its actions were done
/// asks what changed, which those who answered before know best.
/// </param>
internal sealed record RoutingDraft(
    IReadOnlyList<string> TeamDepartments,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Routing,
    DateTimeOffset Deadline,
    TimeZoneInfo Zone,
    bool Anonymous,
    bool ReviewAtDeadline,
    bool AskEveryone = false);
