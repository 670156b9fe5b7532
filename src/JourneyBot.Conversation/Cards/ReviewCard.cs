using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>The review: the map so far per stage, its gaps, and dot-voting on pain points and opportunities.</summary>
public static class ReviewCard
{
    /// <summary>Votes each member has.</summary>
    public const int VotesPerMember = 5;

    // A card lists at most this many choices (each at most 90 characters), so a map of thousands of
    // items still makes a card far below Teams' message limit.
    private const int MaxChoices = 40;

    /// <summary>
    /// The review card of <paramref name="map"/>; <paramref name="votesOf"/> preselects that
    /// member's votes (the card answering their own vote).
    /// </summary>
    public static AdaptiveCard For(JourneyMap map, MapBoard board, string? note = null, string? votesOf = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(board);
        var body = new List<CardElement> { StepTitle(map) };
        SessionCards.AddNote(body, note);
        body.Add(Say("The map so far:", subtle: true));
        foreach (var (stage, index) in map.Stages.Select((s, i) => (s, i)))
        {
            body.Add(Plain($"{index + 1}. {stage.Name} — {StageSummary(stage, board)}") with { Spacing = "Small" });
        }

        var gaps = MapGaps.Of(map, board).Lines();
        body.Add(Say(gaps.Count == 0 ? "**Gaps:** none. Nice work." : "**Gaps still open:**") with { Separator = true });
        body.AddRange(gaps.Select(g => Plain("• " + g) with { Spacing = "None" }));

        var tally = board.Tally();
        var votable = board.Items.Where(i => i.Kind is ItemKind.PainPoint or ItemKind.Opportunity).ToList();
        if (votable.Count == 0)
        {
            body.Add(Say("Nothing to vote on yet: add pain points and opportunities first."));
        }
        else
        {
            body.Add(Say($"**Vote** for the pain points and opportunities that matter most: up to {VotesPerMember} each. " +
                "Voting again replaces your votes.") with { Separator = true });
            body.Add(new InputChoiceSet
            {
                Id = "votes",
                Label = "Your votes",
                IsMultiSelect = true,
                Style = "expanded",
                Value = votesOf is not null && board.Votes.TryGetValue(votesOf, out var mine) && mine.Count > 0 ? string.Join(',', mine) : null,
                Choices = [.. Votable(votable, tally, votesOf is null ? [] : board.Votes.GetValueOrDefault(votesOf) ?? [])
                    .Select(i => new Choice(VoteLabel(map, i, tally.GetValueOrDefault(i.Id)), i.Id))],
            });
            if (votable.Count > MaxChoices)
            {
                body.Add(Say($"The {MaxChoices} with the most votes are listed; for any of the other {votable.Count - MaxChoices}, type **vote** and its id.",
                    subtle: true));
            }
        }

        var actions = new List<CardAction>();
        if (votable.Count > 0)
        {
            actions.Add(Button("Vote", CardVerbs.Vote, map) with { Style = "positive" });
        }

        actions.Add(Button("Publish (facilitator)", CardVerbs.Publish, map));
        actions.Add(Button("Back to contributions", CardVerbs.Back, map));
        return new AdaptiveCard(body) { Actions = actions };
    }

    /// <summary>"3 touchpoints, 1 pain point, emotion 🙂 +0.5" for one stage.</summary>
    public static string StageSummary(Stage stage, MapBoard board)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(board);
        var items = board.Items.Where(i => i.StageId == stage.Id).ToList();
        var parts = new List<string>();
        foreach (var kind in new[] { ItemKind.Touchpoint, ItemKind.Goal, ItemKind.Action, ItemKind.PainPoint, ItemKind.Opportunity })
        {
            var count = items.Count(i => i.Kind == kind);
            if (count > 0)
            {
                parts.Add($"{count} {Vocabulary.Name(kind)}{(count == 1 ? string.Empty : "s")}");
            }
        }

        if (EmotionCurve.ScoreOf(stage, board) is { } average)
        {
            parts.Add($"emotion {Vocabulary.Feeling(average)}");
        }

        return parts.Count == 0 ? "nothing yet" : string.Join(", ", parts);
    }

    // The member's own votes first (so they stay ticked), then the most voted, then the newest.
    private static IEnumerable<MapItem> Votable(List<MapItem> votable, IReadOnlyDictionary<string, int> tally, IReadOnlyList<string> mine) =>
        votable
            .OrderByDescending(i => mine.Contains(i.Id))
            .ThenByDescending(i => tally.GetValueOrDefault(i.Id))
            .ThenByDescending(i => i.CreatedAt)
            .Take(MaxChoices)
            .OrderBy(i => i.Kind).ThenByDescending(i => tally.GetValueOrDefault(i.Id));

    private static string VoteLabel(JourneyMap map, MapItem item, int votes)
    {
        var stage = map.Stages.FirstOrDefault(s => s.Id == item.StageId)?.Name ?? "?";
        var kind = item.Kind == ItemKind.PainPoint ? "Pain" : "Opportunity";
        return $"{kind} · {stage} · {TextRules.Shorten(item.Text, 90)} [{ItemIds.Display(item.Id)}] · {votes} vote{(votes == 1 ? string.Empty : "s")}";
    }
}
