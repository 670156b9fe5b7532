using System.Text.Json;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// The full list of actions, where the card shows the top few: a table on the page and in the
/// Markdown, a section of the JSON, a CSV file of its own; every member's word encoded for its format.
/// </summary>
public sealed class ActionExportTests
{
    private const string Hostile = "<script>alert(1)</script> \"quoted\" | pipe [x](http://evil) **b**";

    private static (JourneyMap Map, MapBoard Board, ActionsOnDay Actions) Sample()
    {
        var (map, board) = CardSizeTests.SampleMap(3, 6, 60);
        var opportunity = board.Items.First(i => i.Kind == ItemKind.Opportunity);
        var actions = new List<OwnedAction>
        {
            MapCardActionsTests.Action(map, 1, dueInDays: 30) with
            {
                Text = Hostile, Owner = new Person("aad-x", "=HYPERLINK(\"http://evil\")"), OwnerDepartment = "@SUM(A1)",
                Measure = new SuccessMeasure("Repeat purchase <90 days>", "18%", null),
                Tracker = new TrackedTask("planner", "task-<1>", "W/\"etag\"", "plan-1", DateTimeOffset.UnixEpoch),
            },
            MapCardActionsTests.Action(map, 2, dueInDays: -2, text: "Late one") with { Measure = new SuccessMeasure("NPS", null, "40") },
            MapCardActionsTests.Action(map, 3, dueInDays: -9, ActionStatus.Blocked, "Blocked one"),
        };
        var parked = new ParkedOpportunity(opportunity.Id, "Not this <b>quarter</b>", new Person("aad-alex", "Alex"), DateTimeOffset.UnixEpoch);
        return (map, board, new ActionsOnDay(new MapActions(actions, [parked]), MapCardActionsTests.Today));
    }

    [Fact]
    public void The_actions_csv_lists_every_action_overdue_first_quoted_and_defused()
    {
        var (map, _, actions) = Sample();

        var lines = MapExport.ActionsCsv(map, actions).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("id,stage_number,stage,action,owner,department,due,status,overdue,blocked_reason,measure,baseline,target,tracker,tracker_task_id,created_by,created_at",
            lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("\"act003\",\"1\",", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"2026-11-26\",\"Blocked\",\"true\",\"Waiting for the budget\"", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("\"act002\"", lines[2], StringComparison.Ordinal);
        Assert.Contains("\"NPS\",\"\",\"40\"", lines[2], StringComparison.Ordinal);
        var hostile = lines[3];
        Assert.Contains("\"<script>alert(1)</script> \"\"quoted\"\" | pipe [x](http://evil) **b**\"", hostile, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\",\"'@SUM(A1)\",\"2027-01-04\",\"Open\",\"false\"", hostile, StringComparison.Ordinal);
        Assert.Contains("\"Repeat purchase <90 days>\",\"18%\",\"no target yet\",\"planner\",\"task-<1>\"", hostile, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_has_an_encoded_actions_table_with_the_overdue_marked_and_the_parked_opportunities()
    {
        var (map, board, actions) = Sample();

        var html = MapPage.Html(map, board, actions);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>quarter", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"actions\">Actions · 0 of 3 actions done, 2 overdue</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; | pipe [x](http://evil) **b**</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"overdue\">Blocked: Waiting for the budget &#xB7; &#x26A0; Overdue</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Repeat purchase &lt;90 days&gt;: 18% &#x2192; no target yet</td><td>task-&lt;1&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("— Not this &lt;b&gt;quarter&lt;/b&gt;</li>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Blocked one", StringComparison.Ordinal) < html.IndexOf("Late one", StringComparison.Ordinal));
        Assert.DoesNotContain("id=\"actions\"", MapPage.Html(map, board), StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_has_an_actions_table_whose_cells_a_member_cannot_break()
    {
        var (map, board, actions) = Sample();

        var md = MapExport.Markdown(map, board, actions);

        Assert.Contains("| Action | Stage | Owner | Department | Due | Status | Success measure | Tracker task |", md, StringComparison.Ordinal);
        var row = md.Split('\n').Single(l => l.Contains("script", StringComparison.Ordinal) && l.StartsWith('|'));
        Assert.Contains(@"&lt;script&gt;alert(1)&lt;/script&gt; ""quoted"" \| pipe \[x\](`http://evil`) \*\*b\*\*", row, StringComparison.Ordinal);
        Assert.Equal(8, row.Split(" | ").Length);
        Assert.Contains("| NPS: not measured yet → 40 |", md, StringComparison.Ordinal);
        Assert.Contains("### Parked opportunities", md, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_holds_the_actions_and_the_parked_opportunities_with_their_words_unchanged()
    {
        var (map, board, actions) = Sample();

        using var json = JsonDocument.Parse(MapExport.Json(map, board, actions));

        var listed = json.RootElement.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(["act003", "act002", "act001"], listed.Select(a => a.GetProperty("id").GetString()));
        var hostile = listed[2];
        Assert.Equal((Hostile, "Open", false, "task-<1>"), (hostile.GetProperty("text").GetString(), hostile.GetProperty("status").GetString(),
            hostile.GetProperty("overdue").GetBoolean(), hostile.GetProperty("trackerTaskId").GetString()));
        Assert.Equal(JsonValueKind.Null, hostile.GetProperty("measure").GetProperty("target").ValueKind);
        Assert.Equal("Not this <b>quarter</b>", json.RootElement.GetProperty("parked")[0].GetProperty("reason").GetString());
        Assert.False(JsonDocument.Parse(MapExport.Json(map, board)).RootElement.TryGetProperty("actions", out _));
    }
}
