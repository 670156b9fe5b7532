using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>The review: the map so far per stage, its gaps, and dot-voting on pain points and opportunities.</summary>
internal static class ReviewCard
{
    /// <summary>Votes each member has.</summary>
    public const int VotesPerMember = 5;

    // A card lists at most this many choices (each at most 90 characters), so a map of thousands of
    // items still makes a card far below Teams' message limit.
    private const int MaxChoices = 40;

    /// <summary>
    /// The review card of <paramref name="map"/>; <paramref name="voter"/> preselects that
    /// member's votes and says how many they have left (the card answering their own vote).
    /// </summary>
    /// <remarks>
    /// The card is shared: it answers an Action.Execute for the voter alone, but a plain submit
    /// replaces it for everyone. So the line of votes left names whose they are, and the card as
    /// first posted says only how many each member has.
    /// </remarks>
    /// <remarks>
    /// <paramref name="actions"/> are the map's actions and parked opportunities: each top-voted
    /// opportunity shows its action or why it waits, or offers "Make it an action" (also when
    /// they are not known here: a press on one decided meanwhile is told so).
    /// </remarks>
    public static AdaptiveCard For(JourneyMap map, MapBoard board, string? note = null, Person? voter = null, MapActions? actions = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(board);
        var body = new List<CardElement> { StepTitle(map) };
        SessionCards.AddNote(body, note);
        body.Add(Say(Strings.MapSoFar, subtle: true));
        foreach (var (stage, index) in map.Stages.Select((s, i) => (s, i)))
        {
            var confidence = StageConfidence.Of(stage, board.Items).Line() is { } known ? " · " + known : string.Empty;
            body.Add(Plain($"{index + 1}. {stage.Name} — {StageSummary(stage, board)}{confidence}") with { Spacing = "Small" });
        }

        // What the marks on the vote list and the top opportunities mean.
        body.Add(Plain(EvidenceMarks.Legend(), subtle: true) with { Spacing = "Small" });

        var gaps = MapGaps.Of(map, board).Lines();
        body.Add(Say(gaps.Count == 0 ? Strings.NoGaps : $"**{Strings.GapsStillOpen}:**") with { Separator = true });
        body.AddRange(gaps.Select(g => Plain("• " + g) with { Spacing = "None" }));

        var tally = board.Tally();
        var votable = board.Items.Where(i => i.Kind is ItemKind.PainPoint or ItemKind.Opportunity).ToList();
        if (votable.Count == 0)
        {
            body.Add(Say(Strings.NothingToVoteOn));
        }
        else
        {
            var mine = voter is null ? [] : board.Votes.GetValueOrDefault(voter.Id) ?? [];
            body.Add(Say(Strings.VoteIntro.Fill(("votes", VotesPerMember))) with { Separator = true });
            body.Add(new InputChoiceSet
            {
                Id = "votes",
                Label = Strings.YourVotes,
                IsMultiSelect = true,
                Style = "expanded",
                Value = mine.Count > 0 ? string.Join(',', mine) : null,
                Choices = [.. Votable(votable, tally, mine).Select(i => new Choice(VoteLabel(i, tally.GetValueOrDefault(i.Id)), i.Id))],
            });
            if (voter is not null)
            {
                body.Add(Plain(Strings.VotesLeftOf.Fill(("member", voter.Name), ("left", VotesLeft(mine.Count)), ("votes", VotesPerMember)), bold: true));
            }

            if (votable.Count > MaxChoices)
            {
                body.Add(Say(Strings.VoteChoicesCut.Fill(("shown", MaxChoices), ("rest", votable.Count - MaxChoices)), subtle: true));
            }
        }

        body.AddRange(TopOpportunitiesBlock(map, board, actions ?? MapActions.None));

        var buttons = new List<CardAction>();
        if (votable.Count > 0)
        {
            buttons.Add(Button(Strings.ButtonVote, CardVerbs.Vote, map) with { Style = "positive" });
        }

        buttons.Add(Button(Strings.ButtonPublish, CardVerbs.Publish, map));
        buttons.Add(Button(Strings.ButtonBackToContributions, CardVerbs.Back, map));
        return new AdaptiveCard(body) { Actions = buttons };
    }

    // The top-voted opportunities publishing waits for: each an action (owner, due), parked (why),
    // or "Make it an action". Nothing until an opportunity has a vote.
    private static IEnumerable<CardElement> TopOpportunitiesBlock(JourneyMap map, MapBoard board, MapActions actions)
    {
        var top = TopOpportunities.Of(board);
        if (top.Count == 0)
        {
            yield break;
        }

        yield return Say(Strings.ReviewTopOpportunities.Fill(("count", top.Count))) with { Separator = true };
        foreach (var (item, votes) in top)
        {
            var items = new List<CardElement>
            {
                // No id in brackets: cards name items by their words (the typed form's id is in `status`'s list).
                Plain($"{EvidenceMarks.Marked(item, TextRules.Shorten(item.Text, 90))} · {Strings.VoteCount.Fill(("count", votes))}", bold: true),
            };
            if (actions.Action(item.Id) is { } action)
            {
                items.Add(Plain(Strings.ReviewIsAction.Fill(("owner", action.Owner.Name), ("due", action.Due))) with { Spacing = "None" });
            }
            else if (actions.Parked.FirstOrDefault(p => p.Id == item.Id) is { } parked)
            {
                items.Add(Plain(Strings.ReviewIsParked.Fill(("reason", TextRules.Shorten(parked.Reason, 120)))) with { Spacing = "None" });
            }
            else
            {
                items.Add(new ActionSet([Button(Strings.ButtonMakeAction, CardVerbs.ActionForm, map,
                    new Dictionary<string, string> { [CardVerbs.OpportunityKey] = item.Id })]) { Spacing = "Small" });
            }

            yield return new Container(items) { Style = "emphasis", Spacing = "Small" };
        }

        yield return Say(Strings.ReviewTopOpportunitiesHow, subtle: true);
    }

    /// <summary>"3 touchpoints, 1 pain point, emotion 🙂 +0.5" for one stage.</summary>
    public static string StageSummary(Stage stage, MapBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return StageSummary(stage, MapCounts.Of(board));
    }

    /// <summary>The same from the map's kept counts (status and the progress card read no items).</summary>
    public static string StageSummary(Stage stage, MapCounts counts)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(counts);
        var parts = new List<string>();
        foreach (var kind in new[] { ItemKind.Touchpoint, ItemKind.Goal, ItemKind.Action, ItemKind.Thought, ItemKind.PainPoint, ItemKind.BrightSpot, ItemKind.Opportunity })
        {
            var count = counts.Of(stage.Id, kind);
            if (count > 0)
            {
                parts.Add(Counted(kind, count));
            }
        }

        if (counts.ScoreOf(stage.Id) is { } average)
        {
            parts.Add(Strings.StageEmotion.Fill(("feeling", Vocabulary.Feeling(average))));
        }

        return parts.Count == 0 ? Strings.NothingYet : string.Join(", ", parts);
    }

    // "3 touchpoints": each kind has its own plural forms.
    private static string Counted(ItemKind kind, int count) => kind switch
    {
        ItemKind.Touchpoint => Strings.CountTouchpoints.Fill(("count", count)),
        ItemKind.Goal => Strings.CountGoals.Fill(("count", count)),
        ItemKind.Action => Strings.CountActions.Fill(("count", count)),
        ItemKind.PainPoint => Strings.CountPainPoints.Fill(("count", count)),
        ItemKind.Opportunity => Strings.CountOpportunities.Fill(("count", count)),
        ItemKind.Thought => Strings.CountThoughts.Fill(("count", count)),
        ItemKind.BrightSpot => Strings.CountBrightSpots.Fill(("count", count)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A stage's summary does not count this kind."),
    };

    // The member's own votes first (so they stay ticked), then the most voted, then the newest.
    private static IEnumerable<MapItem> Votable(List<MapItem> votable, IReadOnlyDictionary<string, int> tally, IReadOnlyList<string> mine) =>
        votable
            .OrderByDescending(i => mine.Contains(i.Id))
            .ThenByDescending(i => tally.GetValueOrDefault(i.Id))
            .ThenByDescending(i => i.CreatedAt)
            .Take(MaxChoices)
            .OrderBy(i => i.Kind).ThenByDescending(i => tally.GetValueOrDefault(i.Id));

    /// <summary>How many of their votes a member who cast <paramref name="cast"/> has left.</summary>
    public static int VotesLeft(int cast) => Math.Max(0, VotesPerMember - cast);

    // "Pain point · ○ Checkout is slow · 2 votes": short enough to scan, the evidence mark before the words; a count only once there is one.
    private static string VoteLabel(MapItem item, int votes)
    {
        var label = $"{Vocabulary.Title(item.Kind)} · {EvidenceMarks.Marked(item, TextRules.Shorten(item.Text, 90))}";
        return votes > 0 ? $"{label} · {Strings.VoteCount.Fill(("count", votes))}" : label;
    }
}
