using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Versions;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// "What changed since v1": posted after the map card on the second and later publish. The two
/// emotion curves on one picture (the earlier dashed), then only what changed: stages added, removed
/// or renamed, per stage the feeling, touchpoints and pain points resolved, and the evidence gained;
/// links to every change on the page and as Markdown.
/// </summary>
/// <remarks>Within <see cref="MapCard.TargetBytes"/> as the map card is: built generously, then with fewer stages and shorter lists, always saying how many more.</remarks>
internal static class VersionChangesCard
{
    // From generous to terse: stages shown, entries per list, characters per entry.
    private static readonly (int Stages, int Items, int Chars)[] Budgets = [(12, 5, 160), (12, 3, 100), (8, 3, 80), (6, 2, 60), (4, 1, 50), (3, 1, 32)];

    /// <summary>
    /// The card of <paramref name="diff"/> between version <see cref="MapDiff.From"/> (published at
    /// <paramref name="fromAt"/>) and <paramref name="map"/>, the version just published; its buttons
    /// open <paramref name="fullMap"/> (the new version's page) when links are on.
    /// </summary>
    public static AdaptiveCard For(JourneyMap map, MapDiff diff, DateTimeOffset fromAt, Uri? fullMap)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(diff);
        var links = fullMap is null
            ? null
            : new List<CardAction>
            {
                new OpenUrlAction(Strings.ButtonAllChanges, new Uri(fullMap + "#changes")),
                new OpenUrlAction(Strings.ButtonChangesMarkdown, new Uri(fullMap + "/" + Exports.MapExport.ChangesFormat)),
            };
        var picture = new Lazy<string>(() => EmotionCurve.DataUri(diff.LaterScores, diff.EarlierScores));
        AdaptiveCard card = null!;
        foreach (var (stages, items, chars) in Budgets)
        {
            card = new AdaptiveCard(Body(map, diff, fromAt, stages, items, chars, picture)) { Actions = links };
            if (MapCard.Bytes(card) <= MapCard.TargetBytes)
            {
                return card;
            }
        }

        return new AdaptiveCard(Body(map, diff, fromAt, 3, 1, 32, picture: null)) { Actions = links };
    }

    private static List<CardElement> Body(JourneyMap map, MapDiff diff, DateTimeOffset fromAt, int stages, int perList, int chars, Lazy<string>? picture)
    {
        string Text(string text) => Flow.Markdown.Escape(TextRules.Shorten(text, chars));
        var body = new List<CardElement>
        {
            Heading(Strings.ChangesTitle.Fill(("from", diff.From))),
            Say(Strings.ChangesIntro.Fill(("map", Flow.Markdown.Escape(map.Name)), ("to", diff.To), ("date", map.PublishedAt ?? fromAt),
                ("member", Flow.Markdown.Escape(map.PublishedBy?.Name ?? "?")), ("from", diff.From), ("fromDate", fromAt)), subtle: true) with { Spacing = "None" },
        };
        body.AddRange(Curves(map, diff, picture));

        var sections = ChangeWords.Sections(diff, Text, perList);
        body.AddRange(sections[0].Lines.Select(line => Say(line) with { Spacing = "Small" }));
        var stageSections = sections.Skip(1).Where(s => !s.IsEvidence).ToList();
        foreach (var section in stageSections.Take(stages))
        {
            var lines = new List<CardElement> { Say($"**{section.Title}**") };
            lines.AddRange(section.Lines.Select(line => Say(line) with { Spacing = "None" }));
            body.Add(new Container(lines) { Style = "emphasis", Spacing = "Small" });
        }

        if (stageSections.Count > stages)
        {
            body.Add(Say(Strings.ChangesMoreStages.Fill(("count", stageSections.Count - stages)), subtle: true) with { Spacing = "Small" });
        }

        if (sections.LastOrDefault(s => s.IsEvidence) is { } evidence)
        {
            body.Add(Say($"**{evidence.Title}**") with { Separator = true });
            body.AddRange(evidence.Lines.Select(line => Say("• " + line) with { Spacing = "None" }));
        }

        return body;
    }

    // Both curves on one picture, the earlier dashed, with the scores as text for screen readers and clients without images.
    private static IEnumerable<CardElement> Curves(JourneyMap map, MapDiff diff, Lazy<string>? picture)
    {
        if (diff.LaterScores.All(s => s is null) && diff.EarlierScores.All(s => s is null))
        {
            yield break;
        }

        var described = string.Join(", ", map.Stages.Select((stage, i) => Strings.ChangesStageScores.Fill(
            ("stage", stage.Name), ("before", ChangeWords.Score(diff.EarlierScores[i])), ("after", ChangeWords.Score(diff.LaterScores[i])))));
        var text = TextRules.Shorten(Strings.ChangesCurveDescribed.Fill(("to", diff.To), ("from", diff.From), ("scores", described)), 400);
        yield return Say($"**{Strings.EmotionCurve}**") with { Separator = true };
        if (picture is not null)
        {
            yield return new Image(picture.Value) { AltText = text, Size = "Stretch", Fallback = Plain(text) };
        }
        else
        {
            yield return Plain(text);
        }

        yield return Say(Strings.ChangesCurveLegend.Fill(("to", diff.To), ("from", diff.From)), subtle: true) with { Spacing = "None" };
    }
}
