using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// The session's living progress card: the step, what each stage has so far, and who has
/// contributed. It is updated in place as items arrive and refreshes itself when shown.
/// </summary>
public static class ProgressCard
{
    private const int LatestShown = 3;
    private const int LatestChars = 80;

    /// <summary>What an earlier copy of the card says once the card was posted again further down.</summary>
    public static AdaptiveCard MovedBelow(JourneyMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new AdaptiveCard(
        [
            new RichTextBlock([new TextRun(map.Name) { Weight = "Bolder" }, new TextRun(Strings.ProgressSuffix)]),
            Say(Strings.ProgressMovedBelow, subtle: true) with { Spacing = "None" },
        ]);
    }

    /// <summary>The card for <paramref name="map"/> with its items so far.</summary>
    public static AdaptiveCard For(JourneyMap map, MapBoard board, RoundView? round = null)
    {
        ArgumentNullException.ThrowIfNull(board);
        return For(map, MapCounts.Of(board), round);
    }

    /// <summary>The card for <paramref name="map"/> from its kept counts: what a progress update reads, whatever the map's size.</summary>
    public static AdaptiveCard For(JourneyMap map, MapCounts counts, RoundView? round = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(counts);
        var body = new List<CardElement>
        {
            new RichTextBlock([new TextRun(map.Name) { Weight = "Bolder" }, new TextRun(Strings.ProgressSuffix)]),
            Say(map.Status switch
            {
                MapStatus.Active => StepOfSteps(map.Step),
                MapStatus.Published => Strings.ProgressPublished,
                MapStatus.Cancelled => Strings.ProgressCancelled,
                _ => Strings.ProgressArchived,
            }, subtle: true) with { Spacing = "None" },
        };
        body.AddRange(map.Stages.Select((stage, i) => Plain($"{i + 1}. {stage.Name} — {ReviewCard.StageSummary(stage, counts)}") with { Spacing = "Small" }));

        var contributors = counts.Authors
            .Select(a => $"{(AnonymousAuthors.IsAnonymous(a.Author) ? a.Author.Name : WithDepartment(a.Author.Name, a.Department))} {a.Items}")
            .ToList();
        body.Add(Say(contributors.Count == 0 ? Strings.NobodyContributed : Strings.ContributedCount.Fill(("count", contributors.Count)))
            with { Separator = true });
        if (contributors.Count > 0)
        {
            body.Add(Plain(TextRules.Shorten(string.Join(" · ", contributors), 1500)) with { Spacing = "None" });
        }

        if (counts.Voters > 0)
        {
            body.Add(Say(Strings.VotedCount.Fill(("count", counts.Voters))) with { Spacing = "Small" });
        }

        if (round is not null)
        {
            body.AddRange(RoundGrid.For(map, round));
        }

        var open = map.Status == MapStatus.Active && MapFlow.IsOpenForContributions(map.Step);
        if (open && counts.Items > 0)
        {
            AddLatest(body, counts);
        }

        // Items typed without how we know wait here, not one post each (see EvidenceQuestions); the
        // button sits under its line, as the card's own row of buttons is full at 440 px.
        var unsaid = open ? counts.Unsaid : 0;
        if (unsaid > 0)
        {
            body.Add(Say(Strings.ProgressEvidenceUnsaid.Fill(("count", unsaid))) with { Separator = true });
            body.Add(new ActionSet([HowWeKnow(map)]));
        }

        return new AdaptiveCard(body)
        {
            Refresh = new CardRefresh(Button(Strings.ButtonRefresh, CardVerbs.Progress, map) with { Fallback = null }),
            Actions = open && map.Step == MapStep.Contribute ? [ToReview(map), AskDepartments(map)] : null,
        };
    }

    // Typed items are confirmed here rather than by a post each: the newest few, and how to take one back.
    private static void AddLatest(List<CardElement> body, MapCounts counts)
    {
        body.Add(Say(Strings.ProgressLatest) with { Separator = true });
        foreach (var item in counts.Latest(LatestShown))
        {
            var text = TextRules.Shorten(Vocabulary.Describe(item, withFace: true), LatestChars);
            body.Add(Plain($"{Vocabulary.Title(item.Kind)} · {text} — {item.Author.Name}") with { Spacing = "None" });
        }

        body.Add(Say(Strings.ProgressUndoHint, subtle: true) with { Spacing = "Small" });
    }

    // The facilitator steers from here, not from everyone's form. The press is told from the same
    // verb on the form by the card it names, so the review is posted and this card stays.
    private static ExecuteAction ToReview(JourneyMap map) =>
        Button(Strings.ButtonToReview, CardVerbs.Next, map, new Dictionary<string, string> { [CardVerbs.CardKey] = CardVerbs.ProgressCard });

    // A round of questions, routed to the departments: the facilitator's too.
    private static ExecuteAction AskDepartments(JourneyMap map) =>
        Button(Strings.ButtonAskDepartments, CardVerbs.Ask, map, new Dictionary<string, string> { [CardVerbs.CardKey] = CardVerbs.ProgressCard });

    // Each member answers for their own unsaid items: the press shows the presser's.
    private static ExecuteAction HowWeKnow(JourneyMap map) =>
        Button(Strings.ButtonHowWeKnow, CardVerbs.UnsaidEvidence, map, new Dictionary<string, string> { [CardVerbs.CardKey] = CardVerbs.ProgressCard });

    // "Megan Bowen (Sales)": many tenants put the department in the display name already.
    private static string WithDepartment(string name, string? department) =>
        department is null || name.EndsWith($"({department})", StringComparison.OrdinalIgnoreCase) ? name : $"{name} ({department})";
}
