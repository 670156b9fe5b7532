using System.Globalization;
using System.Text;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Exports;

/// <summary>The page's actions table: every action, where the map card shows the top few (it links here, <c>#actions</c>).</summary>
public static partial class MapPage
{
    private static void AppendActions(StringBuilder html, JourneyMap map, MapBoard board, ActionsOnDay actions)
    {
        var ordered = actions.Ordered();
        var summary = ordered.Count == 0 ? string.Empty
            : " · " + Strings.ActionsSummary.Fill(("done", actions.DoneCount), ("count", ordered.Count), ("overdue", actions.OverdueCount));
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"actions\">{Strings.ActionsHeading}{summary}</h2>");
        if (ordered.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"empty\">{Strings.ActionsNoneYet}</p>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<table><thead><tr><th>{Strings.ColumnAction}</th><th>{Strings.ColumnStage}</th>");
            html.Append(CultureInfo.InvariantCulture, $"<th>{Strings.ColumnOwner}</th><th>{Strings.ColumnDepartment}</th><th>{Strings.ColumnDue}</th>");
            html.Append(CultureInfo.InvariantCulture, $"<th>{Strings.ColumnStatus}</th><th>{Strings.ColumnMeasure}</th><th>{Strings.ColumnTracker}</th></tr></thead><tbody>");
            foreach (var action in ordered)
            {
                var stage = map.Stages.FirstOrDefault(s => s.Id == action.StageId)?.Name ?? string.Empty;
                var overdue = action.IsOverdue(actions.Today);
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(action.Text)}</td><td>{H(stage)}</td><td>{H(action.Owner.Name)}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td>{H(action.OwnerDepartment ?? string.Empty)}</td><td>{action.Due:yyyy-MM-dd}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td{(overdue ? " class=\"overdue\"" : string.Empty)}>{H(MapExport.StatusText(action, actions.Today))}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td>{H(ActionsOnDay.Measure(action) ?? string.Empty)}</td><td>{H(action.Tracker?.TaskId ?? string.Empty)}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        if (actions.Actions.Parked.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{Strings.ParkedHeading}</h3><ul>");
            html.Append(string.Concat(actions.Actions.Parked.Select(p => $"<li>{H(MapExport.OpportunityText(board, p.Id))} — {H(p.Reason)}</li>")));
            html.Append("</ul>");
        }
    }
}
