using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// The future state on cards: the card that starts a future map (what it is and its brief), the
/// brief itself (the current state's top pain points to remove, its opportunities as design
/// targets) and the line that links a map to the other of its pair.
/// </summary>
internal static class FutureCard
{
    /// <summary>The card posted when <paramref name="future"/> is started: what it is, and its brief in full.</summary>
    public static AdaptiveCard Started(JourneyMap future)
    {
        ArgumentNullException.ThrowIfNull(future);
        var of = future.FutureOf ?? throw new ArgumentException("The map is no future state.", nameof(future));
        var (name, current) = (Markdown.Escape(future.Name), Markdown.Escape(of.CurrentName));
        var body = new List<CardElement>
        {
            Plain(Strings.FutureTitle.Fill(("map", of.CurrentName)), bold: true),
            Say(Strings.FutureIntro.Fill(("future", name), ("map", current))),
        };
        body.AddRange(Brief(future, FutureStates.MaxPoints, text => TextRules.Shorten(text, 160)));
        return new AdaptiveCard(body);
    }

    /// <summary>
    /// The brief of a future map (nothing for another map): up to <paramref name="perList"/> pain
    /// points to remove and design targets, each with its stage and the votes it had.
    /// </summary>
    public static IEnumerable<CardElement> Brief(JourneyMap map, int perList, Func<string, string> shorten)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.FutureOf is not { } of)
        {
            yield break;
        }

        foreach (var (heading, points) in new[] { (Strings.FutureRemoveHeading, of.Remove), (Strings.FutureTargetsHeading, of.Targets) })
        {
            yield return Say($"**{heading}**") with { Separator = true };
            if (points.Count == 0)
            {
                yield return Say(Strings.FutureNoneInCurrent, subtle: true) with { Spacing = "None" };
            }

            foreach (var point in points.Take(perList))
            {
                var stage = map.Stages.FirstOrDefault(s => s.Id == point.StageId)?.Name ?? "?";
                var owner = point.Owner is { } department ? department + " · " : string.Empty;
                yield return new RichTextBlock(
                [
                    new TextRun("• " + shorten(point.Text)),
                    new TextRun($" — {owner}{shorten(stage)}{MapCard.Votes(point.Votes)}") { IsSubtle = true },
                ]) { Spacing = "None" };
            }

            if (points.Count > perList)
            {
                yield return Say(Strings.ListMore.Fill(("count", points.Count - perList)).Trim(), subtle: true) with { Spacing = "None" };
            }
        }
    }

    /// <summary>What the dashed and the solid curve are, naming the version compared against where there is one.</summary>
    public static string Legend(FutureOf of)
    {
        ArgumentNullException.ThrowIfNull(of);
        return of.CurrentVersion > 0 ? Strings.FutureCurveLegend.Fill(("version", of.CurrentVersion)) : Strings.FutureCurveLegendUnversioned;
    }

    /// <summary>The line that names (and, with a link, links) the other map of the pair, as card markdown.</summary>
    public static TextBlock Related(RelatedMap related)
    {
        ArgumentNullException.ThrowIfNull(related);
        return Say(Line(related, related.Link is { } link ? $"[{Markdown.Escape(related.Name)}]({link})" : $"“{Markdown.Escape(related.Name)}”"), subtle: true)
            with { Spacing = "None" };
    }

    /// <summary>The words of the link line, with <paramref name="name"/> (the other map's name, linked or quoted) in them.</summary>
    public static string Line(RelatedMap related, string name)
    {
        ArgumentNullException.ThrowIfNull(related);
        return related.Deleted ? Strings.FutureCurrentDeleted.Fill(("map", name))
            : !related.IsFuture
            ? Strings.FutureOfLine.Fill(("map", name))
            : related.Status == MapStatus.Active
                ? Strings.FutureBeingMapped.Fill(("map", name))
                : Strings.FutureLine.Fill(("map", name), ("status", Vocabulary.Name(related.Status)));
    }
}
