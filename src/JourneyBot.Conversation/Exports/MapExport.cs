using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Exports;

/// <summary>The whole map for people outside Teams: JSON, CSV, Markdown and a printable HTML page.</summary>
/// <remarks>Everything members typed is encoded for the format it lands in: no text can become markup, a formula or a link.</remarks>
public static partial class MapExport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every item of the map as a flat row, stage by stage.</summary>
    public static IEnumerable<ExportRow> Rows(JourneyMap map, MapBoard board)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(board);
        var tally = board.Tally();
        foreach (var (stage, index) in map.Stages.Select((s, i) => (s, i)))
        {
            foreach (var item in board.Items.Where(i => i.StageId == stage.Id).OrderBy(i => i.Kind).ThenBy(i => i.CreatedAt))
            {
                yield return new ExportRow(index + 1, stage.Name, item, tally.GetValueOrDefault(item.Id));
            }
        }
    }

    /// <summary>
    /// The map and every item, as JSON, with the map's <paramref name="actions"/> as they are now when given, and
    /// the other map of its current and future pair (<paramref name="related"/>) with a future's brief.
    /// </summary>
    public static string Json(JourneyMap map, MapBoard board, ActionsOnDay? actions = null, RelatedMap? related = null)
    {
        var truths = TruthIds(map, board);
        var document = new JsonObject
        {
            ["name"] = map.Name,
            ["status"] = map.Status.ToString(),
            ["objective"] = map.Objective,
            ["persona"] = map.Persona,
            ["startPoint"] = map.StartPoint,
            ["endPoint"] = map.EndPoint,
            ["facilitator"] = map.Facilitator.Name,
            ["publishedAt"] = map.PublishedAt?.ToString("O", CultureInfo.InvariantCulture),
            ["stages"] = new JsonArray([.. map.Stages.Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Id, ["name"] = s.Name, ["expects"] = s.Expects, ["movesOnWhen"] = s.MovesOnWhen,
            })]),
            ["items"] = new JsonArray([.. Rows(map, board).Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Item.Id,
                ["stage"] = r.StageName,
                ["kind"] = r.Item.Kind.ToString(),
                ["text"] = r.Item.Text,
                ["channel"] = r.Item.Channel?.ToString(),
                ["score"] = r.Item.Score,
                ["owner"] = r.Item.Owner,
                // "NotSaid" while the author has not said how they know (MapItem.EvidenceUnsaid).
                ["evidence"] = r.Item.EvidenceUnsaid ? "NotSaid" : r.Item.Evidence.ToString(),
                ["momentOfTruth"] = truths.Contains(r.Item.Id),
                ["author"] = r.Item.Author.Name,
                ["department"] = r.Item.AuthorDepartment,
                ["votes"] = r.Votes,
                ["createdAt"] = r.Item.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            })]),
        };
        if (actions is not null)
        {
            AddActions(document, map, board, actions);
        }

        AddFuture(document, map, related);
        return document.ToJsonString(Indented);
    }

    /// <summary>
    /// One line per item (RFC 4180), ready for a spreadsheet; then a future map's brief points and a line
    /// naming the other map of the pair (<paramref name="related"/>) with its page's address.
    /// </summary>
    public static string Csv(JourneyMap map, MapBoard board, RelatedMap? related = null)
    {
        // The column names are identifiers that spreadsheets and scripts key on, like the JSON's property
        // names: they stay the same in every language (the values are the map's own words).
        var csv = new StringBuilder("stage_number,stage,kind,text,channel,score,owner,evidence,author,department,votes,moment_of_truth\r\n");
        var truths = TruthIds(map, board);
        foreach (var row in Rows(map, board))
        {
            string[] fields =
            [
                row.StageNumber.ToString(CultureInfo.InvariantCulture), row.StageName, Vocabulary.Name(row.Item.Kind), row.Item.Text,
                row.Item.Channel is { } c ? Vocabulary.Name(c) : string.Empty,
                row.Item.Score?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                row.Item.Owner ?? string.Empty, EvidenceMarks.Name(row.Item), row.Item.Author.Name,
                row.Item.AuthorDepartment ?? string.Empty, row.Votes.ToString(CultureInfo.InvariantCulture),
                truths.Contains(row.Item.Id) ? "true" : "false",
            ];
            CsvLine(csv, fields);
        }

        AppendFuture(csv, map, related);
        return csv.ToString();
    }

    /// <summary>
    /// The map as Markdown, for wikis and documents, with a table of its <paramref name="actions"/> as they are now when given,
    /// and the other map of its current and future pair (<paramref name="related"/>) with a future's brief.
    /// </summary>
    public static string Markdown(JourneyMap map, MapBoard board, ActionsOnDay? actions = null, RelatedMap? related = null)
    {
        string E(string text) => Flow.Markdown.Escape(text);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {E(map.Name)}\n\n");
        AppendRelated(md, related);
        md.Append(CultureInfo.InvariantCulture, $"- **{Strings.LabelObjective}:** {E(map.Objective ?? Strings.NotSet)}\n");
        md.Append(CultureInfo.InvariantCulture, $"- **{Strings.LabelPersona}:** {E(map.Persona ?? Strings.NotSet)}\n");
        md.Append(CultureInfo.InvariantCulture, $"- **{Strings.LabelJourney}:** {E(map.StartPoint ?? "?")} → {E(map.EndPoint ?? "?")}\n");
        md.Append(CultureInfo.InvariantCulture, $"- **{Strings.EmotionCurve}:** {EmotionCurve.Faces(EmotionCurve.Scores(map, board))}\n");
        md.Append(CultureInfo.InvariantCulture, $"\n{E(EvidenceMarks.Legend())}\n");
        var truths = map.MomentsOfTruthIn(board);
        if (truths.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## {Strings.MomentsOfTruth}\n\n");
            foreach (var truth in truths)
            {
                var stage = map.Stages.FirstOrDefault(s => s.Id == truth.StageId)?.Name ?? "?";
                md.Append(CultureInfo.InvariantCulture, $"- {Strings.MomentOfTruthLine.Fill(("item", E(Describe(truth))), ("stage", E(stage)))}\n");
            }
        }

        AppendBrief(md, map);
        var truthIds = truths.Select(t => t.Id).ToHashSet();
        var rows = Rows(map, board).ToList();
        foreach (var (stage, index) in map.Stages.Select((s, i) => (s, i)))
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## {index + 1}. {E(stage.Name)}\n\n");
            if (StageConfidence.Of(stage, board.Items).Line() is { } confidence)
            {
                md.Append(CultureInfo.InvariantCulture, $"*{confidence}*\n\n");
            }

            AppendDetail(md, Strings.LabelExpects, stage.Expects);
            AppendDetail(md, Strings.LabelMovesOnWhen, stage.MovesOnWhen);
            var items = rows.Where(r => r.StageNumber == index + 1).ToList();
            if (items.Count == 0)
            {
                md.Append(Strings.NothingYetInStage).Append('\n');
            }

            foreach (var row in items)
            {
                var mark = truthIds.Contains(row.Item.Id) ? $" **{Strings.MomentOfTruthMark}**" : string.Empty;
                md.Append(CultureInfo.InvariantCulture, $"- {EvidenceMarks.Of(row.Item)} *{Vocabulary.Name(row.Item.Kind)}*{mark}: {E(Describe(row.Item))}");
                md.Append(CultureInfo.InvariantCulture, $" ({E(row.Item.Author.Name)}{(row.Item.AuthorDepartment is { } d ? ", " + E(d) : string.Empty)}");
                md.Append(CultureInfo.InvariantCulture, $"{(row.Votes > 0 ? ", " + Strings.ExportVotes.Fill(("count", row.Votes)) : string.Empty)}; {EvidenceMarks.Name(row.Item)})\n");
            }
        }

        if (actions is not null)
        {
            AppendActions(md, map, board, actions);
        }

        var gaps = MapGaps.Of(map, board).Lines();
        md.Append(CultureInfo.InvariantCulture, $"\n## {Strings.GapsStillOpen}\n\n");
        md.Append(gaps.Count == 0 ? Strings.NoneLeft + "\n" : string.Concat(gaps.Select(g => $"- {E(g)}\n")));
        return md.ToString();
    }

    // A stage's "expects" or "moves on when", where the team gave it, above its items.
    private static void AppendDetail(StringBuilder md, string label, string? text)
    {
        if (text is not null)
        {
            md.Append(CultureInfo.InvariantCulture, $"**{label}:** {Flow.Markdown.Escape(text)}\n\n");
        }
    }

    // The ids of the touchpoints marked as moments of truth that the board still has.
    private static HashSet<string> TruthIds(JourneyMap map, MapBoard board) => [.. map.MomentsOfTruthIn(board).Select(t => t.Id)];

    /// <summary>How an item reads in a line: channel, score or owner with its text.</summary>
    public static string Describe(MapItem item) => Vocabulary.Describe(item);

    // Quotes every field, doubles quotes, and defuses spreadsheet formulas (=, +, -, @, tab or CR at
    // the start). A negative number (an emotion's score) is left as it is: a spreadsheet reads it as
    // the number it is, and no formula can hide in a minus sign followed by digits alone.
    private static string CsvField(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !NegativeNumber().IsMatch(value)
            ? "'" + value
            : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    [GeneratedRegex(@"\A-[0-9]+(\.[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex NegativeNumber();
}

/// <summary>One item with its stage and votes.</summary>
/// <param name="StageNumber">1-based.</param>
/// <param name="StageName">The stage's name.</param>
/// <param name="Item">The item.</param>
/// <param name="Votes">Its votes.</param>
public sealed record ExportRow(int StageNumber, string StageName, MapItem Item, int Votes);
