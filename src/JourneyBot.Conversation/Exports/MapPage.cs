using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Exports;

/// <summary>
/// The full map as one printable HTML page: the moments of truth; stages as columns; lanes for
/// touchpoints by channel (moments of truth starred), goals and actions, thinking, emotions with the
/// curve, pain points, bright spots, and opportunities with owners.
/// </summary>
/// <remarks>
/// Every text members wrote is HTML-encoded; the bot's own words from <c>Strings.resx</c> go in as they are (a test keeps
/// markup out of them). The page loads nothing (styles inline, the curve a data URI).
/// </remarks>
public static partial class MapPage
{
    private const string Style = """
        body{font-family:"Segoe UI",system-ui,sans-serif;margin:24px;color:#242424}
        h1{margin:0 0 4px;font-size:24px} .sub{color:#616161;margin-bottom:12px}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0 0 16px} dt{font-weight:600}
        table{border-collapse:collapse;width:100%;table-layout:fixed} th,td{border:1px solid #d1d1d1;padding:6px;vertical-align:top;font-size:13px}
        th{background:#f0f0f0} th.lane{width:120px;text-align:left} ul{margin:0;padding-left:16px} li{margin:2px 0}
        .meta{color:#616161;font-size:11px} .curve{text-align:center} .curve img{width:100%;max-width:900px}
        .empty{color:#8a8a8a;font-style:italic} .overdue{color:#b10e1c;font-weight:600}
        .truth{background:#fff4ce;font-weight:600} .truths{background:#fff4ce;border-left:4px solid #c19c00;padding:8px 12px 8px 28px;margin:0 0 16px}
        @media print{@page{size:landscape;margin:12mm} body{margin:0} th,td{font-size:10px}}
        """;

    /// <summary>
    /// The page, with the map's <paramref name="actions"/> as they are now when given, its evidence
    /// <paramref name="history"/> when given, a link to the other map of its current and future pair
    /// (<paramref name="related"/>, see <see cref="MapRelations"/>), and its versions and what changed since
    /// the one before when <paramref name="versions"/> is given.
    /// </summary>
    public static string Html(JourneyMap map, MapBoard board, ActionsOnDay? actions = null, IReadOnlyList<Validation.EvidenceChange>? history = null,
        RelatedMap? related = null, VersionHistory? versions = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(board);
        var tally = board.Tally();
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{Strings.PageLanguage}\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Strings.PageTitle.Fill(("map", H(map.Name)))}</title><style>{Style}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{H(map.Name)}</h1><div class=\"sub\">{Strings.PageSubtitle.Fill(("status", Status(map)))}</div>");
        AppendRelated(html, related);
        if (versions is not null)
        {
            AppendNewer(html, versions);
        }

        html.Append("<dl>");
        html.Append(CultureInfo.InvariantCulture, $"<dt>{Strings.LabelObjective}</dt><dd>{H(map.Objective ?? Strings.NotSet)}</dd>");
        html.Append(CultureInfo.InvariantCulture, $"<dt>{Strings.LabelPersona}</dt><dd>{H(map.Persona ?? Strings.NotSet)}</dd>");
        html.Append(CultureInfo.InvariantCulture, $"<dt>{Strings.LabelJourney}</dt><dd>{H(map.StartPoint ?? "?")} → {H(map.EndPoint ?? "?")}</dd>");
        html.Append("</dl>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{EvidenceMarks.Legend()}</p>");
        var truths = map.MomentsOfTruthIn(board);
        AppendMomentsOfTruth(html, map, truths);
        html.Append("<table><thead><tr><th class=\"lane\"></th>");
        foreach (var (stage, index) in map.Stages.Select((s, i) => (s, i)))
        {
            // Each stage's confidence under its name: how much of it the team has seen for itself.
            var confidence = StageConfidence.Of(stage, board.Items).Line() is { } known ? $"<div class=\"meta\">{known}</div>" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<th>{index + 1}. {H(stage.Name)}{confidence}</th>");
        }

        html.Append("</tr></thead><tbody>");
        DetailLane(html, map, Strings.LabelExpects, s => s.Expects);
        DetailLane(html, map, Strings.LabelMovesOnWhen, s => s.MovesOnWhen);
        // Doing, thinking, feeling (seed 003's lanes), then what goes wrong, what works, and what to do about it.
        var truthIds = truths.Select(t => t.Id).ToHashSet();
        Lane(html, map, board, Strings.LaneTouchpoints, i => i.Kind == ItemKind.Touchpoint, tally, grouped: true, truthIds);
        Lane(html, map, board, Strings.LaneGoalsAndActions, i => i.Kind is ItemKind.Goal or ItemKind.Action, tally);
        Lane(html, map, board, Strings.LabelThoughts, i => i.Kind == ItemKind.Thought, tally);
        EmotionLane(html, map, board);
        Lane(html, map, board, Strings.LabelPainPoints, i => i.Kind == ItemKind.PainPoint, tally);
        Lane(html, map, board, Strings.LabelBrightSpots, i => i.Kind == ItemKind.BrightSpot, tally);
        Lane(html, map, board, Strings.LaneOpportunities, i => i.Kind == ItemKind.Opportunity, tally);
        html.Append("</tbody></table>");
        AppendBrief(html, map);
        if (actions is not null)
        {
            AppendActions(html, map, board, actions);
        }

        if (history is not null)
        {
            AppendEvidenceHistory(html, history);
        }

        var gaps = MapGaps.Of(map, board).Lines();
        html.Append(CultureInfo.InvariantCulture, $"<h2>{Strings.GapsStillOpen}</h2><ul>");
        html.Append(gaps.Count == 0 ? $"<li>{Strings.NoneLeft}</li>" : string.Concat(gaps.Select(g => $"<li>{H(g)}</li>")));
        html.Append("</ul>");
        if (versions is not null)
        {
            AppendVersions(html, versions);
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    // The moments of truth above the lanes, so that they stand out; nothing when none is marked.
    private static void AppendMomentsOfTruth(StringBuilder html, JourneyMap map, IReadOnlyList<MapItem> truths)
    {
        if (truths.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>{Strings.MomentsOfTruth}</h2><ul class=\"truths\">");
        foreach (var truth in truths)
        {
            var stage = map.Stages.FirstOrDefault(s => s.Id == truth.StageId)?.Name ?? "?";
            html.Append(CultureInfo.InvariantCulture, $"<li>{Strings.MomentOfTruthLine.Fill(("item", H(MapExport.Describe(truth))), ("stage", H(stage)))}</li>");
        }

        html.Append("</ul>");
    }

    private static void Lane(StringBuilder html, JourneyMap map, MapBoard board, string title, Func<MapItem, bool> which,
        IReadOnlyDictionary<string, int> tally, bool grouped = false, HashSet<string>? truths = null)
    {
        html.Append(CultureInfo.InvariantCulture, $"<tr><th class=\"lane\">{H(title)}</th>");
        foreach (var stage in map.Stages)
        {
            var items = board.Items.Where(i => i.StageId == stage.Id && which(i))
                .OrderBy(i => grouped ? (int)(i.Channel ?? TouchChannel.Other) : 0)
                .ThenByDescending(i => truths?.Contains(i.Id) == true)
                .ThenByDescending(i => tally.GetValueOrDefault(i.Id)).ThenBy(i => i.CreatedAt).ToList();
            html.Append("<td>");
            if (items.Count == 0)
            {
                html.Append(NoneYet());
            }
            else
            {
                html.Append("<ul>");
                foreach (var item in items)
                {
                    var votes = tally.GetValueOrDefault(item.Id);
                    var truth = truths?.Contains(item.Id) == true;
                    html.Append(truth ? $"<li class=\"truth\">{Strings.MomentOfTruthMark} · " : "<li>");
                    html.Append(CultureInfo.InvariantCulture, $"{EvidenceMarks.Of(item)} {H(MapExport.Describe(item))} <span class=\"meta\">{H(item.Author.Name)}");
                    html.Append(CultureInfo.InvariantCulture, $"{(item.AuthorDepartment is { } d ? " · " + H(d) : string.Empty)} · {H(EvidenceMarks.Name(item))}");
                    html.Append(CultureInfo.InvariantCulture, $"{(votes > 0 ? " · " + Strings.VoteCount.Fill(("count", votes)) : string.Empty)}</span></li>");
                }

                html.Append("</ul>");
            }

            html.Append("</td>");
        }

        html.Append("</tr>");
    }

    // One line per stage that the team gave: what the customer expects there, or what moves them on.
    private static void DetailLane(StringBuilder html, JourneyMap map, string title, Func<Stage, string?> detail)
    {
        html.Append(CultureInfo.InvariantCulture, $"<tr><th class=\"lane\">{H(title)}</th>");
        foreach (var stage in map.Stages)
        {
            html.Append(CultureInfo.InvariantCulture, $"<td>{(detail(stage) is { } text ? H(text) : NoneYet())}</td>");
        }

        html.Append("</tr>");
    }

    private static void EmotionLane(StringBuilder html, JourneyMap map, MapBoard board)
    {
        var scores = EmotionCurve.Scores(map, board);
        html.Append(CultureInfo.InvariantCulture, $"<tr><th class=\"lane\">{Strings.LaneEmotions}</th>");
        for (var i = 0; i < map.Stages.Count; i++)
        {
            var words = board.Items.Where(x => x.StageId == map.Stages[i].Id && x.Kind == ItemKind.Emotion && x.Text.Length > 0).Select(x => x.Text);
            html.Append(CultureInfo.InvariantCulture, $"<td>{(scores[i] is { } s ? Vocabulary.Feeling(s) : NoneYet())}");
            html.Append(CultureInfo.InvariantCulture, $" <span class=\"meta\">{H(string.Join(", ", words))}</span></td>");
        }

        html.Append("</tr>");
        var baseline = FutureStates.Baseline(map);
        if (scores.Any(s => s is not null) || baseline?.Any(s => s is not null) == true)
        {
            // A future map's curve has the current state's dashed behind it, and says so under it.
            var legend = map.FutureOf is { } of ? $"<div class=\"meta\">{FutureCard.Legend(of)}</div>" : string.Empty;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><th class=\"lane\">{Strings.LaneCurve}</th><td class=\"curve\" colspan=\"{map.Stages.Count}\">" +
                $"<img alt=\"{Strings.EmotionCurve}\" src=\"{EmotionCurve.DataUri(scores, baseline)}\">{legend}</td></tr>");
        }
    }

    private static string Status(JourneyMap map) => map.PublishedAt is { } at
        ? Strings.PagePublished.Fill(("date", at), ("member", H(map.PublishedBy?.Name ?? string.Empty)))
        : Vocabulary.Name(map.Status);

    private static string NoneYet() => $"<span class=\"empty\">{Strings.NoneYetInCell}</span>";

    private static string H(string text) => HtmlEncoder.Default.Encode(text);
}
