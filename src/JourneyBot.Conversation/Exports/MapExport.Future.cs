using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Exports;

/// <summary>
/// A current and future pair in the exports: the link to the other map (or that the current map was
/// deleted) and a future map's brief, as the page shows them.
/// </summary>
public static partial class MapExport
{
    // "Future state of [Shoe journey](link)." under the title (or that the current map was deleted, unlinked).
    private static void AppendRelated(StringBuilder md, RelatedMap? related)
    {
        if (related is not null)
        {
            var name = Flow.Markdown.Escape(related.Name);
            md.Append(CultureInfo.InvariantCulture, $"{FutureCard.Line(related, related.Link is { } link ? $"[{name}]({link})" : $"“{name}”")}\n\n");
        }
    }

    // A future map's brief, in full, above the stages: what to remove, then the design targets.
    private static void AppendBrief(StringBuilder md, JourneyMap map)
    {
        string E(string text) => Flow.Markdown.Escape(text);
        foreach (var (heading, points) in Brief(map))
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## {heading}\n\n");
            if (points.Count == 0)
            {
                md.Append(Strings.FutureNoneInCurrent).Append('\n');
            }

            foreach (var point in points)
            {
                var owner = point.Owner is { } department ? E(department) + " · " : string.Empty;
                var votes = point.Votes > 0 ? " · " + Strings.VoteCount.Fill(("count", point.Votes)) : string.Empty;
                md.Append(CultureInfo.InvariantCulture, $"- {E(point.Text)} ({owner}{E(StageName(map, point))}{votes})\n");
            }
        }
    }

    // The JSON's "currentState" (of a future map) or "futureState" (of a map with a future), and a future's "brief".
    private static void AddFuture(JsonObject document, JourneyMap map, RelatedMap? related)
    {
        if (related is not null)
        {
            document[related.IsFuture ? "futureState" : "currentState"] = new JsonObject
            {
                ["name"] = related.Name,
                // "Deleted" when the current map was deleted since: then there is no link.
                ["status"] = related.Deleted ? "Deleted" : related.Status.ToString(),
                ["version"] = related.IsFuture ? null : map.FutureOf?.CurrentVersion,
                ["link"] = related.Link?.ToString(),
            };
        }

        if (map.FutureOf is not null)
        {
            var brief = Brief(map);
            document["brief"] = new JsonObject { ["remove"] = BriefJson(map, brief[0].Points), ["targets"] = BriefJson(map, brief[1].Points) };
        }
    }

    private static JsonArray BriefJson(JourneyMap map, IReadOnlyList<DesignPoint> points) =>
        new([.. points.Select(p => (JsonNode)new JsonObject
        {
            ["stage"] = StageName(map, p), ["text"] = p.Text, ["owner"] = p.Owner, ["votes"] = p.Votes,
        })]);

    // After the items: a future's brief points (kind "to remove" or "design target"), then one line naming (and linking) the other map.
    private static void AppendFuture(StringBuilder csv, JourneyMap map, RelatedMap? related)
    {
        foreach (var (points, remove) in Brief(map).Select((b, i) => (b.Points, i == 0)))
        {
            foreach (var point in points)
            {
                var number = map.Stages.ToList().FindIndex(s => s.Id == point.StageId) + 1;
                CsvLine(csv, number > 0 ? number.ToString(CultureInfo.InvariantCulture) : string.Empty, StageName(map, point),
                    remove ? Strings.ExportKindToRemove : Strings.ExportKindDesignTarget,
                    point.Text, string.Empty, string.Empty, point.Owner ?? string.Empty, string.Empty, string.Empty, string.Empty,
                    point.Votes.ToString(CultureInfo.InvariantCulture), "false");
            }
        }

        if (related is not null)
        {
            // The columns stay those of the items (scripts key on them): the address goes with the name, in the text.
            var kind = related.IsFuture ? Strings.ExportKindFutureState : Strings.ExportKindCurrentState;
            var name = related.Link is { } link ? $"“{related.Name}” ({link})" : $"“{related.Name}”";
            CsvLine(csv, string.Empty, string.Empty, kind, FutureCard.Line(related, name), string.Empty, string.Empty,
                string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, "false");
        }
    }

    private static void CsvLine(StringBuilder csv, params string[] fields) => csv.AppendJoin(',', fields.Select(CsvField)).Append("\r\n");

    // A future map's two lists (none for another map): what to remove, then the design targets.
    private static List<(string Heading, IReadOnlyList<DesignPoint> Points)> Brief(JourneyMap map) =>
        map.FutureOf is { } of ? [(Strings.FutureRemoveHeading, of.Remove), (Strings.FutureTargetsHeading, of.Targets)] : [];

    private static string StageName(JourneyMap map, DesignPoint point) => map.Stages.FirstOrDefault(s => s.Id == point.StageId)?.Name ?? "?";
}
