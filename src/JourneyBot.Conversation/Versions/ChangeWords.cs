using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Versions;

/// <summary>One part of a list of changes: a title (a stage, or evidence) or none, and its lines.</summary>
/// <param name="Title">The title, or null for the map-wide lines that open the list.</param>
/// <param name="Lines">Its lines, in order.</param>
/// <param name="IsEvidence">Whether it lists the evidence gained (it comes last).</param>
internal sealed record ChangeSection(string? Title, IReadOnlyList<string> Lines, bool IsEvidence = false);

/// <summary>
/// A <see cref="MapDiff"/> in words, the same on the card, the page and the Markdown export: each
/// puts members' text through its own <c>text</c> function (escaping for markdown or HTML, shortening
/// on the card), and the card asks for shorter lists.
/// </summary>
internal static class ChangeWords
{
    /// <summary>The sections of <paramref name="diff"/>: the map-wide lines, each changed stage, the evidence gained.</summary>
    public static List<ChangeSection> Sections(MapDiff diff, Func<string, string> text, int perList = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var sections = new List<ChangeSection> { new(null, Opening(diff, text, perList)) };
        var numbers = diff.Stages.Select((s, i) => (s.Stage.Id, Number: i + 1)).ToDictionary(p => p.Id, p => p.Number);
        foreach (var stage in diff.Changed)
        {
            sections.Add(new ChangeSection($"{numbers[stage.Stage.Id]}. {text(stage.Stage.Name)}", StageLines(stage, text, perList)));
        }

        if (diff.EvidenceGained.Count > 0)
        {
            var lines = diff.EvidenceGained.Take(perList).Select(g => Strings.ChangesEvidenceLine.Fill(
                ("item", text(g.Item.Text)), ("before", Vocabulary.Name(g.Before)), ("after", Vocabulary.Name(g.After)))).ToList();
            if (diff.EvidenceGained.Count > perList)
            {
                lines.Add(Strings.ChangesMoreEvidence.Fill(("count", diff.EvidenceGained.Count - perList)));
            }

            sections.Add(new ChangeSection(Strings.ChangesEvidenceHeading.Fill(("count", diff.EvidenceGained.Count)), lines, IsEvidence: true));
        }

        return sections;
    }

    /// <summary>A stage's feeling as the cards show it, or "not given".</summary>
    public static string Score(double? score) => score is { } value ? Vocabulary.Score(value) : Strings.ScoreNotGiven;

    private static List<string> Opening(MapDiff diff, Func<string, string> text, int perList)
    {
        var lines = new List<string>();
        if (diff.IsEmpty)
        {
            lines.Add(Strings.ChangesNothing.Fill(("from", diff.From)));
        }

        if (diff.StagesAdded.Count > 0)
        {
            lines.Add(Strings.ChangesStagesAdded.Fill(("stages", List(diff.StagesAdded.Select(s => s.Name), text, perList))));
        }

        if (diff.StagesRemoved.Count > 0)
        {
            lines.Add(Strings.ChangesStagesRemoved.Fill(("stages", List(diff.StagesRemoved.Select(s => s.Name), text, perList))));
        }

        lines.AddRange(diff.StagesRenamed.Select(r => Strings.ChangesStageRenamed.Fill(("before", text(r.Before.Name)), ("after", text(r.After.Name)))));
        return lines;
    }

    private static List<string> StageLines(StageDiff stage, Func<string, string> text, int perList)
    {
        var lines = new List<string>();
        if (stage.FeelingChanged)
        {
            lines.Add(Strings.ChangesFeeling.Fill(("before", Score(stage.FeelingBefore)), ("after", Score(stage.FeelingAfter))));
        }

        if (stage.TouchpointsAdded.Count > 0)
        {
            lines.Add(Strings.ChangesTouchpointsAdded.Fill(("touchpoints", List(stage.TouchpointsAdded.Select(i => i.Text), text, perList))));
        }

        if (stage.TouchpointsRemoved.Count > 0)
        {
            lines.Add(Strings.ChangesTouchpointsRemoved.Fill(("touchpoints", List(stage.TouchpointsRemoved.Select(i => i.Text), text, perList))));
        }

        foreach (var resolved in stage.PainPointsResolved.Take(perList))
        {
            var pain = text(resolved.PainPoint.Text);
            lines.Add(resolved.DoneActions.Count == 0
                ? Strings.ChangesPainGone.Fill(("pain", pain))
                : Strings.ChangesPainResolved.Fill(("pain", pain), ("actions", List(
                    resolved.DoneActions.Select(a => Strings.ChangesActionDone.Fill(("action", text(a.Text)), ("owner", text(a.Owner.Name)))),
                    t => t, perList))));
        }

        if (stage.PainPointsResolved.Count > perList)
        {
            lines.Add(Strings.ListMore.Fill(("count", stage.PainPointsResolved.Count - perList)).Trim());
        }

        return lines;
    }

    // "a; b; c (+4 more)".
    private static string List(IEnumerable<string> texts, Func<string, string> text, int count)
    {
        var all = texts.ToList();
        var shown = string.Join("; ", all.Take(count).Select(text));
        return all.Count > count ? shown + Strings.ListMore.Fill(("count", all.Count - count)) : shown;
    }
}
