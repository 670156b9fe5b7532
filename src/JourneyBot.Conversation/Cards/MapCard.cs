using System.Globalization;
using System.Text.Json;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// The map stakeholders read: objective, persona and scope; the emotion curve; each stage with its
/// touchpoints by channel, its feeling and its top pain points; the top opportunities with owners;
/// the gaps; who contributed; once published, the actions the team owns, kept up to date by a
/// Universal Actions refresh. It must be understood in 30 seconds and stay small.
/// </summary>
/// <remarks>
/// Teams refuses bot messages of about 100 KB; Power Automate and incoming webhooks, which may
/// relay the card, stop at 28 KB. The card is built generously first and, while it is over
/// <see cref="TargetBytes"/>, rebuilt with fewer items per list and shorter texts, always saying
/// how many more there are: a big map is summarised, never refused or cut mid-JSON.
/// </remarks>
internal static class MapCard
{
    /// <summary>The size the card aims at (UTF-8 JSON bytes), so that webhooks can relay it.</summary>
    public const int TargetBytes = 28 * 1024;

    // From generous to terse: items per list, characters per item.
    private static readonly (int Items, int Chars)[] Budgets = [(5, 160), (3, 120), (3, 80), (2, 60), (1, 50), (1, 32)];

    /// <summary>
    /// The card of <paramref name="map"/> with its items, within <see cref="TargetBytes"/> whenever
    /// the map's shape allows, with buttons to the full map and its exports at <paramref name="fullMap"/>,
    /// and <paramref name="intro"/> (bot text) at the top: the post is this one card. A published
    /// map's card also shows its <paramref name="actions"/> and carries its <paramref name="refresh"/>. A map
    /// of a current and future pair names (and links) the other, <paramref name="related"/>; a future map
    /// also shows its brief, and the current state's curve dashed behind its own.
    /// </summary>
    public static AdaptiveCard For(JourneyMap map, MapBoard board, Uri? fullMap = null, string? intro = null,
        ActionsOnDay? actions = null, CardRefresh? refresh = null, RelatedMap? related = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(board);
        AdaptiveCard card = null!;
        var links = Links(fullMap, actions);
        // Drawn once: from round to round only the text is trimmed.
        var picture = new Lazy<string>(() => EmotionCurve.DataUri(EmotionCurve.Scores(map, board), FutureStates.Baseline(map)));
        foreach (var budget in Budgets)
        {
            card = Linked(Build(map, board, budget.Items, budget.Chars, picture, intro, actions, fullMap is not null, related), links) with { Refresh = refresh };
            if (Bytes(card) <= TargetBytes)
            {
                return card;
            }
        }

        // Twelve stages of long names with the picture may still not fit. Each stage's thinking, bright spots, expects
        // and moves on (the full map has them) go first; then the picture for the smaller faces row, with them back;
        // then both; last, the actions down to the most pressing one (the page and the actions CSV list them all):
        // the longer Spanish and Romanian texts need that step.
        foreach (var (drawn, lanes, fewActions) in new (Lazy<string>? Drawn, bool Lanes, bool FewActions)[]
            { (picture, false, false), (null, true, false), (null, false, false), (null, false, true) })
        {
            card = Linked(Build(map, board, 1, 32, drawn, intro, actions, fullMap is not null, related, lanes, fewActions), links) with { Refresh = refresh };
            if (Bytes(card) <= TargetBytes)
            {
                break;
            }
        }

        return card;
    }

    /// <summary>
    /// How a published map's card refreshes when someone looks at it: it asks for the version it shows
    /// with the latest actions (<see cref="CardVerbs.MapCard"/>), with the same <paramref name="intro"/>.
    /// </summary>
    /// <remarks>
    /// Teams refreshes a card by itself for everyone in a conversation of up to 60 members, and in a
    /// bigger one only for the <see cref="CardRefresh.UserIds"/> listed (the rest have "Refresh card" in
    /// its menu). The card names the one member whose Teams id the turn knows
    /// (<paramref name="viewerTeamsId"/>: who published, asked for the status or refreshed it), so
    /// that they always see it current, and no more: a card in a channel of hundreds would otherwise
    /// call the bot, and the tracker behind it, once per viewer.
    /// </remarks>
    public static CardRefresh Refresh(JourneyMap map, MapCardIntro intro, string? viewerTeamsId)
    {
        ArgumentNullException.ThrowIfNull(map);
        var data = new Dictionary<string, string>
        {
            [CardVerbs.VersionKey] = map.PublishedVersion.ToString(CultureInfo.InvariantCulture),
            [CardVerbs.IntroKey] = intro == MapCardIntro.Status ? CardVerbs.IntroStatus : CardVerbs.IntroPublished,
        };
        return new CardRefresh(Button(Strings.ButtonRefresh, CardVerbs.MapCard, map, data) with { Fallback = null })
        {
            UserIds = viewerTeamsId is { Length: > 0 } viewer ? [viewer] : null,
        };
    }

    // The links under the card: the actions' CSV in a row of its own above the others, as five buttons in
    // one row are wider than a card in Teams (440 px) in every language, and the last one was cut.
    private static AdaptiveCard Linked(AdaptiveCard card, List<CardAction>? links) =>
        links is { Count: > 4 }
            ? card with { Body = [.. card.Body, new ActionSet(links[4..]) { Separator = true }], Actions = links[..4] }
            : card with { Actions = links };

    // The full page, and the exports next to it (the actions' own CSV once there are actions); none without a link.
    private static List<CardAction>? Links(Uri? fullMap, ActionsOnDay? actions)
    {
        if (fullMap is null)
        {
            return null;
        }

        List<CardAction> links =
        [
            new OpenUrlAction(Strings.ButtonFullMap, fullMap),
            new OpenUrlAction(Strings.ButtonCsv, new Uri(fullMap + "/csv")),
            new OpenUrlAction(Strings.ButtonMarkdown, new Uri(fullMap + "/md")),
            new OpenUrlAction(Strings.ButtonJson, new Uri(fullMap + "/json")),
        ];
        if (actions?.Actions.Actions.Count > 0)
        {
            links.Add(new OpenUrlAction(Strings.ButtonActionsCsv, new Uri(fullMap + "/" + Exports.MapExport.ActionsCsvFormat)));
        }

        return links;
    }

    /// <summary>The size of <paramref name="card"/> as sent: UTF-8 bytes of its JSON.</summary>
    public static int Bytes(AdaptiveCard card) =>
        JsonSerializer.SerializeToUtf8Bytes(card, CardJson.Default.AdaptiveCard).Length;

    private static AdaptiveCard Build(JourneyMap map, MapBoard board, int perList, int chars, Lazy<string>? picture, string? intro,
        ActionsOnDay? actions, bool linked, RelatedMap? related, bool lanes = true, bool fewActions = false)
    {
        var tally = board.Tally();
        string Short(string text) => Shorten(text, chars);
        var body = new List<CardElement>();
        SessionCards.AddNote(body, intro);
        body.AddRange(
        [
            new RichTextBlock([new TextRun(map.Name) { Weight = "Bolder" }]) { Spacing = "None" },
            Say(Subtitle(map), subtle: true) with { Spacing = "None" },
        ]);
        if (related is not null)
        {
            body.Add(FutureCard.Related(related));
        }

        body.AddRange(
        [
            Labelled(Strings.LabelObjective, map.Objective ?? Strings.NotSet),
            Labelled(Strings.LabelPersona, map.Persona ?? Strings.NotSet) with { Spacing = "Small" },
            Labelled(Strings.LabelJourney, $"{map.StartPoint ?? "?"} → {map.EndPoint ?? "?"}") with { Spacing = "Small" },
        ]);
        body.AddRange(Curve(map, board, picture));
        var truths = map.MomentsOfTruthIn(board);
        body.AddRange(MomentsOfTruth(map, truths, Short));

        // What the mark before each item line means, once, above the stages.
        body.Add(Plain(EvidenceMarks.Legend(), subtle: true) with { Spacing = "Small" });

        var truthIds = truths.Select(t => t.Id).ToHashSet();
        foreach (var (stage, index) in map.Stages.Select((s, i) => (s, i)))
        {
            body.Add(new Container(StageBlock(stage, index, board, tally, perList, Short, truthIds, lanes)) { Style = "emphasis", Spacing = "Small" });
        }

        body.AddRange(FutureCard.Brief(map, perList, Short));
        body.AddRange(TopOpportunities(map, board, tally, perList, Short));
        if (actions is not null)
        {
            body.AddRange(MapCardActions.Block(actions, board, perList, Short, linked, fewActions));
        }

        var gaps = MapGaps.Of(map, board).Lines();
        body.Add(Say($"**{Strings.GapsStillOpen}**") with { Separator = true });
        body.AddRange(gaps.Count == 0 ? [Say(Strings.NoneLeft)] : gaps.Select(g => Plain("• " + Short(g)) with { Spacing = "None" }));
        body.AddRange(Contributors(board, chars));
        return new AdaptiveCard(body);
    }

    private static string Subtitle(JourneyMap map)
    {
        var member = Flow.Markdown.Escape(map.PublishedBy?.Name ?? "?");
        var subtitle = map.PublishedAt is not { } at ? Strings.MapDraft
            // The version it shows, for maps published since versions are kept.
            : map.PublishedVersion > 0 ? Strings.MapPublishedVersion.Fill(("version", map.PublishedVersion), ("date", at), ("member", member))
            : Strings.MapPublished.Fill(("date", at), ("member", member));
        return map.IsExample ? Strings.ExampleSubtitle.Fill(("subtitle", subtitle)) : subtitle;
    }

    // One block per stage: its name, feeling and confidence, touchpoints by channel (moments of truth first, starred),
    // what the customer thinks, top pain points, and the bright spots to keep; each item with its evidence mark.
    private static List<CardElement> StageBlock(Stage stage, int index, MapBoard board, IReadOnlyDictionary<string, int> tally,
        int perList, Func<string, string> shorten, HashSet<string> truths, bool lanes)
    {
        var items = board.Items.Where(i => i.StageId == stage.Id).ToList();
        var feeling = EmotionCurve.ScoreOf(stage, board) is { } average ? Vocabulary.Feeling(average) : Strings.FeelingNotGiven;
        var confidence = StageConfidence.Of(stage, items).Line() is { } known ? " · " + known : string.Empty;
        var block = new List<CardElement>
        {
            new RichTextBlock([new TextRun($"{index + 1}. {stage.Name}") { Weight = "Bolder" }, new TextRun("  " + feeling + confidence)]),
        };
        if (lanes)
        {
            block.AddRange(StageDetailLines(stage, shorten));
        }

        var byChannel = items.Where(i => i.Kind == ItemKind.Touchpoint).GroupBy(i => i.Channel ?? TouchChannel.Other)
            .OrderByDescending(g => g.Any(i => truths.Contains(i.Id))).ThenBy(g => g.Key).ToList();
        if (byChannel.Count == 0)
        {
            block.Add(Say(Strings.NoTouchpointsYet, subtle: true) with { Spacing = "None" });
        }

        foreach (var channel in byChannel.Take(perList + 2))
        {
            var texts = channel.OrderByDescending(i => truths.Contains(i.Id)).Select(i => truths.Contains(i.Id) ? "★ " + EvidenceMarks.Marked(i, i.Text) : EvidenceMarks.Marked(i, i.Text));
            block.Add(Labelled(Vocabulary.Name(channel.Key), List(texts, perList, shorten)) with { Spacing = "None" });
        }

        if (byChannel.Count > perList + 2)
        {
            block.Add(Say(Strings.MoreChannels.Fill(("count", byChannel.Count - perList - 2)), subtle: true) with { Spacing = "None" });
        }

        if (lanes)
        {
            AddLine(block, Strings.LabelThoughts, items.Where(i => i.Kind == ItemKind.Thought).Select(i => EvidenceMarks.Marked(i, i.Text)), perList, shorten);
        }

        var pains = items.Where(i => i.Kind == ItemKind.PainPoint).OrderByDescending(i => tally.GetValueOrDefault(i.Id)).ThenBy(i => i.CreatedAt);
        var painList = List(pains.Select(i => EvidenceMarks.Marked(i, $"{i.Text}{Votes(tally.GetValueOrDefault(i.Id))}")), perList, shorten);
        if (painList.Length > 0)
        {
            block.Add(Labelled(Strings.LabelPainPoints, painList) with { Spacing = "None" });
        }

        if (lanes)
        {
            AddLine(block, Strings.LabelBrightSpots, items.Where(i => i.Kind == ItemKind.BrightSpot).Select(i => EvidenceMarks.Marked(i, i.Text)), perList, shorten);
        }

        return block;
    }

    // What the customer expects there and what moves them on, where the team said.
    private static IEnumerable<CardElement> StageDetailLines(Stage stage, Func<string, string> shorten)
    {
        if (stage.Expects is { } expects)
        {
            yield return Labelled(Strings.LabelExpects, shorten(expects)) with { Spacing = "None" };
        }

        if (stage.MovesOnWhen is { } movesOn)
        {
            yield return Labelled(Strings.LabelMovesOnWhen, shorten(movesOn)) with { Spacing = "None" };
        }
    }

    // "Thinking: a; b (+3 more)", only when the stage has any.
    private static void AddLine(List<CardElement> block, string label, IEnumerable<string> texts, int perList, Func<string, string> shorten)
    {
        var list = List(texts, perList, shorten);
        if (list.Length > 0)
        {
            block.Add(Labelled(label, list) with { Spacing = "None" });
        }
    }

    // The few touchpoints that make or break the journey, above the stages so that they stand out.
    private static IEnumerable<CardElement> MomentsOfTruth(JourneyMap map, IReadOnlyList<MapItem> truths, Func<string, string> shorten)
    {
        if (truths.Count == 0)
        {
            yield break;
        }

        var lines = truths.Select(t => Plain(Strings.MomentOfTruthLine.Fill(("item", shorten(Vocabulary.Describe(t))),
            ("stage", shorten(map.Stages.FirstOrDefault(s => s.Id == t.StageId)?.Name ?? "?")))) with { Spacing = "None" });
        yield return new Container([Say($"**{Strings.MomentsOfTruth}**"), .. lines]) { Style = "accent", Separator = true };
    }

    private static IEnumerable<CardElement> TopOpportunities(JourneyMap map, MapBoard board, IReadOnlyDictionary<string, int> tally,
        int perList, Func<string, string> shorten)
    {
        var opportunities = board.Items.Where(i => i.Kind == ItemKind.Opportunity)
            .OrderByDescending(i => tally.GetValueOrDefault(i.Id)).ThenBy(i => i.CreatedAt).ToList();
        yield return Say($"**{Strings.TopOpportunities}**") with { Separator = true };
        if (opportunities.Count == 0)
        {
            yield return Say(Strings.NoneYet, subtle: true);
            yield break;
        }

        var shown = Math.Max(perList, 3);
        foreach (var opportunity in opportunities.Take(shown))
        {
            var stage = map.Stages.FirstOrDefault(s => s.Id == opportunity.StageId)?.Name ?? "?";
            yield return new RichTextBlock(
            [
                // The evidence mark is the line's bullet.
                new TextRun(EvidenceMarks.Marked(opportunity, shorten(opportunity.Text))),
                new TextRun($" — {opportunity.Owner ?? Strings.NoOwnerYet} · {shorten(stage)}{Votes(tally.GetValueOrDefault(opportunity.Id))}") { IsSubtle = true },
            ]) { Spacing = "None" };
        }

        if (opportunities.Count > shown)
        {
            yield return Say(Strings.MoreOpportunities.Fill(("count", opportunities.Count - shown)), subtle: true) with { Spacing = "None" };
        }
    }

    private static IEnumerable<CardElement> Contributors(MapBoard board, int chars)
    {
        yield return Say($"**{Strings.Contributors}**") with { Separator = true };
        if (board.Items.Count == 0)
        {
            yield return Say(Strings.NobodyYet);
            yield break;
        }

        foreach (var department in board.Items.GroupBy(i => i.AuthorDepartment ?? Strings.DepartmentNotGiven).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
        {
            var people = department.Select(i => i.Author.Name).Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
            yield return Labelled(Shorten(department.Key, 40), Shorten(string.Join(", ", people), chars * 2)) with { Spacing = "None" };
        }
    }

    // The peaks and valleys as a picture, with the faces as text for clients without images.
    private static IEnumerable<CardElement> Curve(JourneyMap map, MapBoard board, Lazy<string>? picture)
    {
        var scores = EmotionCurve.Scores(map, board);
        var baseline = FutureStates.Baseline(map);
        if (scores.All(s => s is null) && (baseline is null || baseline.All(s => s is null)))
        {
            yield return Say(Strings.NoEmotionsYet) with { Separator = true };
            yield break;
        }

        var faces = EmotionCurve.Faces(scores);
        yield return Say($"**{Strings.EmotionCurve}**") with { Separator = true };
        if (picture is not null)
        {
            var described = string.Join(", ", map.Stages.Select((stage, i) =>
                $"{stage.Name} {(scores[i] is { } score ? Vocabulary.Score(score) : Strings.ScoreNotGiven)}"));
            yield return new Image(picture.Value)
            {
                AltText = Shorten(Strings.EmotionCurveDescribed.Fill(("scores", described)), 400), Size = "Stretch", Fallback = Say(faces),
            };
        }
        else
        {
            yield return Say(faces);
        }

        yield return Plain(Shorten(string.Join(" → ", map.Stages.Select(s => s.Name)), 400), subtle: true) with { Spacing = "None" };
        if (map.FutureOf is { } of)
        {
            yield return Say(FutureCard.Legend(of), subtle: true) with { Spacing = "None" };
        }

        if (EmotionCurve.Extremes(scores) is var (peak, valley))
        {
            yield return Plain(Strings.PeakAndValley.Fill(("peak", map.Stages[peak].Name), ("valley", map.Stages[valley].Name))) with { Spacing = "Small" };
        }
    }

    // "a; b; c (+4 more)" with at most `count` entries of at most the budget's characters.
    private static string List(IEnumerable<string> texts, int count, Func<string, string> shorten)
    {
        var all = texts.ToList();
        var text = string.Join("; ", all.Take(count).Select(shorten));
        return all.Count > count ? text + Strings.ListMore.Fill(("count", all.Count - count)) : text;
    }

    /// <summary>" · 2 votes" after an item's text; nothing without votes.</summary>
    internal static string Votes(int count) => count == 0 ? string.Empty : " · " + Strings.VoteCount.Fill(("count", count));

    private static string Shorten(string text, int chars) => TextRules.Shorten(text, chars);
}

/// <summary>Which words open a published map's card, so that its refresh keeps them.</summary>
internal enum MapCardIntro
{
    /// <summary>"… is published. Here is the map for everyone to read."</summary>
    Published,

    /// <summary>"… is published.", answering <c>status</c>.</summary>
    Status,
}
