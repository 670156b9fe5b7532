using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Exports;

/// <summary>The map's owned actions in the exports: a CSV file of their own, a section of the JSON and a table in the Markdown.</summary>
/// <remarks>
/// Actions change after the map is published (done, blocked, reassigned), so they are read as they are
/// now whatever version of the map an export shows; they are never part of a published version.
/// </remarks>
public static partial class MapExport
{
    /// <summary>The export path of the actions' CSV, after a map's link: <c>/maps/{token}/actions.csv</c>.</summary>
    public const string ActionsCsvFormat = "actions.csv";

    /// <summary>
    /// One line per action (RFC 4180), in the order the card and page list them: owner, department,
    /// due day, status, overdue, the success measure and the tracker task. Its own file, not a
    /// section of the items' CSV, so that a spreadsheet opens either as one table.
    /// </summary>
    public static string ActionsCsv(JourneyMap map, ActionsOnDay actions)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(actions);
        // Column names are identifiers, the same in every language, as in the items' CSV.
        var csv = new StringBuilder("id,stage_number,stage,action,owner,department,due,status,overdue,blocked_reason," +
            "measure,baseline,target,tracker,tracker_task_id,created_by,created_at\r\n");
        foreach (var action in actions.Ordered())
        {
            var (number, stage) = StageOf(map, action);
            string[] fields =
            [
                action.Id, number, stage, action.Text, action.Owner.Name, action.OwnerDepartment ?? string.Empty,
                action.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ActionsOnDay.Status(action),
                action.IsOverdue(actions.Today) ? "true" : "false", action.BlockedReason ?? string.Empty,
                action.Measure?.Name ?? string.Empty, action.Measure?.Baseline ?? string.Empty,
                action.Measure is { } measure ? measure.Target ?? Strings.OwnerNoTarget : string.Empty,
                action.Tracker?.Tracker ?? string.Empty, action.Tracker?.TaskId ?? string.Empty,
                action.CreatedBy.Name, action.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ];
            csv.AppendJoin(',', fields.Select(CsvField)).Append("\r\n");
        }

        return csv.ToString();
    }

    // The actions and parked opportunities as the JSON export's "actions" and "parked".
    private static void AddActions(JsonObject document, JourneyMap map, MapBoard board, ActionsOnDay actions)
    {
        document["actions"] = new JsonArray([.. actions.Ordered().Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Id,
            ["stage"] = StageOf(map, a).Name,
            ["text"] = a.Text,
            ["owner"] = a.Owner.Name,
            ["department"] = a.OwnerDepartment,
            ["due"] = a.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["status"] = a.Status.ToString(),
            ["overdue"] = a.IsOverdue(actions.Today),
            ["blockedReason"] = a.BlockedReason,
            ["measure"] = a.Measure is { } m ? new JsonObject { ["name"] = m.Name, ["baseline"] = m.Baseline, ["target"] = m.Target } : null,
            ["trackerTaskId"] = a.Tracker?.TaskId,
            ["createdBy"] = a.CreatedBy.Name,
            ["createdAt"] = a.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        })]);
        document["parked"] = new JsonArray([.. actions.Actions.Parked.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["text"] = OpportunityText(board, p.Id),
            ["reason"] = p.Reason,
            ["by"] = p.By.Name,
            ["at"] = p.At.ToString("O", CultureInfo.InvariantCulture),
        })]);
    }

    // The actions as a Markdown table (every cell escaped: a '|' typed by a member stays in its cell), and the parked ones.
    private static void AppendActions(StringBuilder md, JourneyMap map, MapBoard board, ActionsOnDay actions)
    {
        string E(string text) => Flow.Markdown.Escape(text);
        md.Append(CultureInfo.InvariantCulture, $"\n## {Strings.ActionsHeading}\n\n");
        var ordered = actions.Ordered();
        if (ordered.Count == 0)
        {
            md.Append(Strings.ActionsNoneYet).Append('\n');
        }
        else
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Strings.ColumnAction} | {Strings.ColumnStage} | {Strings.ColumnOwner} | {Strings.ColumnDepartment} ");
            md.Append(CultureInfo.InvariantCulture, $"| {Strings.ColumnDue} | {Strings.ColumnStatus} | {Strings.ColumnMeasure} | {Strings.ColumnTracker} |\n");
            md.Append("|---|---|---|---|---|---|---|---|\n");
            foreach (var a in ordered)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {E(a.Text)} | {E(StageOf(map, a).Name)} | {E(a.Owner.Name)} | {E(a.OwnerDepartment ?? string.Empty)} ");
                md.Append(CultureInfo.InvariantCulture, $"| {a.Due:yyyy-MM-dd} | {E(StatusText(a, actions.Today))} | {E(ActionsOnDay.Measure(a) ?? string.Empty)} ");
                md.Append(CultureInfo.InvariantCulture, $"| {E(a.Tracker?.TaskId ?? string.Empty)} |\n");
            }
        }

        if (actions.Actions.Parked.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n### {Strings.ParkedHeading}\n\n");
            md.Append(string.Concat(actions.Actions.Parked.Select(p => $"- {E(OpportunityText(board, p.Id))} — {E(p.Reason)}\n")));
        }
    }

    /// <summary>"Open", "Blocked: waiting for the budget", "Done", followed by the overdue mark when it is.</summary>
    public static string StatusText(OwnedAction action, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(action);
        var status = action is { Status: ActionStatus.Blocked, BlockedReason: { } reason }
            ? Strings.ActionBlockedBecause.Fill(("reason", reason))
            : ActionsOnDay.Status(action);
        return action.IsOverdue(today) ? $"{status} · {Strings.ActionOverdue}" : status;
    }

    /// <summary>The words of a parked opportunity: its item's text, or its id once the item is gone.</summary>
    public static string OpportunityText(MapBoard board, string opportunityId)
    {
        ArgumentNullException.ThrowIfNull(board);
        return board.Items.FirstOrDefault(i => i.Id == opportunityId)?.Text ?? opportunityId;
    }

    // The 1-based number and name of the action's stage; empty when the stage was removed since.
    private static (string Number, string Name) StageOf(JourneyMap map, OwnedAction action)
    {
        var index = map.Stages.FindIndex(s => s.Id == action.StageId);
        return index < 0 ? (string.Empty, string.Empty) : ((index + 1).ToString(CultureInfo.InvariantCulture), map.Stages[index].Name);
    }
}
