using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Trackers;
using JourneyBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace JourneyBot.Web.Tests.Trackers;

/// <summary>
/// The team's Planner tracker over HTTP: picking the plan, Send to Planner (the exact requests),
/// the read-back, and Graph refusing (403), throttling (429) and losing a race on an ETag (412).
/// </summary>
public sealed class PlannerPipelineTests : GraphServers
{
    [Fact]
    public async Task Tracker_planner_shows_the_plans_of_the_teams_group_and_the_plan_picked_is_kept_for_the_team()
    {
        await using var bot = await StartAsync();

        await bot.SayAsync(PlannerPipeline.Megan, "tracker planner");
        var answer = await bot.PressAsync(PlannerPipeline.Megan, "choosePlan", new JsonObject { ["plan"] = PlannerPipeline.PlanId });

        // Listed for the card, and again for the press: only a plan of the team's group is taken.
        Assert.Equal(2, Graph.PlannerRequests.Count);
        Assert.All(Graph.PlannerRequests, list =>
        {
            Assert.Equal(("GET", $"/v1.0/groups/{PlannerPipeline.Group}/planner/plans"), (list.Method, list.Path));
            Assert.StartsWith("Bearer ", list.Authorization, StringComparison.Ordinal);
        });
        Assert.Contains("Store refit", bot.Posted(), StringComparison.Ordinal);
        Assert.Contains("Use this plan", bot.Posted(), StringComparison.Ordinal);
        Assert.Contains("“Customer journey actions” (picked by Megan Bowen)", answer, StringComparison.Ordinal);
        var tracker = await bot.Actions.GetTrackerAsync(PlannerPipeline.Team, Cancel);
        Assert.Equal(("planner", PlannerPipeline.PlanId, "Customer journey actions", PlannerPipeline.Group, PlannerPipeline.MeganId),
            (tracker!.Tracker, tracker.Container, tracker.ContainerName, tracker.GroupId, tracker.ChosenBy.Id));
        // The token Graph got is the bot's own, for Graph, from the team's tenant.
        Assert.Contains(Tokens.Requests, r => r.Path == $"/{PlannerPipeline.Tenant}/oauth2/v2.0/token" && r.Form["scope"] == "https://graph.microsoft.com/.default");
    }

    [Fact]
    public async Task A_message_without_the_teams_group_asks_Teams_for_it_and_lists_that_groups_plans()
    {
        await using var bot = await StartAsync();
        Connector.TeamGroupId = PlannerPipeline.Group;

        await bot.SayAsync(PlannerPipeline.Megan, "tracker planner", withGroup: false);

        Assert.Contains(Connector.Requests, r => r.Method == "GET" && Uri.UnescapeDataString(r.RawTarget).EndsWith($"/v3/teams/{PlannerPipeline.Team}", StringComparison.Ordinal));
        Assert.Equal($"/v1.0/groups/{PlannerPipeline.Group}/planner/plans", Assert.Single(Graph.PlannerRequests).Path);
        Assert.Contains("Use this plan", bot.Posted(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_that_is_not_one_of_the_teams_plans_is_refused_and_tracker_off_forgets_the_choice()
    {
        await using var bot = await StartAsync();
        await bot.SeedTrackerAsync();

        var forged = await bot.PressAsync(PlannerPipeline.Megan, "choosePlan", new JsonObject { ["plan"] = "plan-of-another-team" });
        Assert.Contains("no longer one of this team's plans", forged, StringComparison.Ordinal);
        Assert.Equal(PlannerPipeline.PlanId, (await bot.Actions.GetTrackerAsync(PlannerPipeline.Team, Cancel))!.Container);

        await bot.SayAsync(PlannerPipeline.Megan, "tracker off");

        Assert.Null(await bot.Actions.GetTrackerAsync(PlannerPipeline.Team, Cancel));
        Assert.Contains("no longer sends actions to Planner", bot.Posted(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_a_team_tracker_planner_is_refused_politely_without_asking_graph()
    {
        await using var bot = await StartAsync();

        await bot.SayAsync(PlannerPipeline.Megan, "tracker planner", inTeam: false);

        Assert.Contains("not in a chat", bot.Posted(), StringComparison.Ordinal);
        Assert.Empty(Graph.PlannerRequests);
    }

    [Fact]
    public async Task Send_to_Planner_creates_one_task_assigned_by_object_id_due_that_day_described_with_the_map_and_reads_it_back_done()
    {
        await using var bot = await StartWithActionAsync();

        var answer = await bot.SendAsync(PlannerPipeline.Megan);

        Assert.Contains("Sent to Planner", answer, StringComparison.Ordinal);
        Assert.Equal(
            ["POST /v1.0/planner/tasks", "GET /v1.0/planner/tasks/task-1/details", "PATCH /v1.0/planner/tasks/task-1/details"],
            Graph.PlannerRequests.Select(r => $"{r.Method} {r.Path}"));
        var create = JsonNode.Parse(Graph.PlannerRequests[0].Body!)!;
        Assert.Equal(PlannerPipeline.PlanId, (string?)create["planId"]);
        Assert.Equal("Show shipping costs on the product page", (string?)create["title"]);
        Assert.Equal("2026-12-18T12:00:00Z", (string?)create["dueDateTime"]);
        var assignment = Assert.Single(create["assignments"]!.AsObject());
        Assert.Equal(PlannerPipeline.MeganId, assignment.Key);
        Assert.Equal(("#microsoft.graph.plannerAssignment", " !"), ((string?)assignment.Value!["@odata.type"], (string?)assignment.Value["orderHint"]));
        var task = Graph.Tasks["task-1"];
        // The fake takes an update only with the details' ETag of the moment (else 412): the description is set.
        Assert.StartsWith("W/\"", Graph.PlannerRequests[2].IfMatch, StringComparison.Ordinal);
        Assert.Contains("“Shoe actions”", task.Description, StringComparison.Ordinal);
        Assert.Contains("http://localhost/maps/", task.Description, StringComparison.Ordinal);

        var sent = await bot.ActionAsync();
        Assert.Equal(("planner", "task-1", task.ETag, PlannerPipeline.PlanId), (sent.Tracker!.Tracker, sent.Tracker.TaskId, sent.Tracker.ETag, sent.Tracker.Container));
        Assert.Equal(ActionChangeKind.SentToTracker, Assert.Single(sent.History).Kind);

        // Pressed again: no second task.
        var again = await bot.SendAsync(PlannerPipeline.Megan);
        Assert.Contains("is in Planner already", again, StringComparison.Ordinal);
        Assert.Single(Graph.PlannerRequests, r => r.Method == "POST");

        // Completed in Planner; the hourly pass reads it back.
        Graph.Complete("task-1");
        bot.Clock!.Advance(TimeSpan.FromHours(1));
        var work = await bot.ScheduledSyncAsync();
        Assert.NotNull(work);
        await bot.RunSyncAsync(work);

        var done = await bot.ActionAsync();
        Assert.Equal(ActionStatus.Done, done.Status);
        Assert.Equal([ActionChangeKind.SentToTracker, ActionChangeKind.DoneInTracker], done.History.Select(h => h.Kind));
        Assert.Equal(Graph.Tasks["task-1"].ETag, done.Tracker!.ETag);
        Assert.Equal(("GET", "/v1.0/planner/tasks/task-1"), (Graph.PlannerRequests[^1].Method, Graph.PlannerRequests[^1].Path));
        // Nothing open is tracked any more: the pass does not go on.
        Assert.Null(await bot.ScheduledSyncAsync());
    }

    [Fact]
    public async Task Two_presses_of_Send_to_Planner_at_the_same_moment_create_one_task_and_the_second_is_told_it_is_under_way()
    {
        await using var bot = await StartWithActionAsync();
        // Graph is slow to create Megan's task: Alex presses while it is being created.
        Graph.HoldNext("POST");

        var megans = bot.SendAsync(PlannerPipeline.Megan);
        await Graph.HeldArrived.WaitAsync(Cancel);
        var alexs = await bot.SendAsync(PlannerPipeline.Alex);
        Graph.Release();
        var answer = await megans;

        Assert.Single(Graph.PlannerRequests, r => r.Method == "POST");
        Assert.Single(Graph.Tasks);
        Assert.Contains("Sent to Planner", answer, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen is sending", alexs, StringComparison.Ordinal);
        var sent = await bot.ActionAsync();
        Assert.Equal("task-1", sent.Tracker!.TaskId);
        Assert.Null(sent.Sending);
        Assert.Equal(ActionChangeKind.SentToTracker, Assert.Single(sent.History).Kind);
    }

    [Fact]
    public async Task A_send_left_unfinished_by_a_stopped_instance_holds_the_action_a_while_and_is_then_taken_over()
    {
        await using var bot = await StartAsync();
        await bot.SeedTrackerAsync();
        var alex = new Person(PlannerPipeline.Alex.AadObjectId!, PlannerPipeline.Alex.Name!);
        await bot.SeedActionAsync(sending: new TrackerSend("stopped-mid-send", alex, PlannerPipeline.Start - TimeSpan.FromSeconds(30)));

        var held = await bot.SendAsync(PlannerPipeline.Megan);
        bot.Clock!.Advance(TrackerSend.LapsesAfter);
        var taken = await bot.SendAsync(PlannerPipeline.Megan);

        Assert.Contains("Alex Wilber is sending", held, StringComparison.Ordinal);
        Assert.Contains("Sent to Planner", taken, StringComparison.Ordinal);
        Assert.Single(Graph.PlannerRequests, r => r.Method == "POST");
        var sent = await bot.ActionAsync();
        Assert.Equal("task-1", sent.Tracker!.TaskId);
        Assert.Null(sent.Sending);
    }

    [Fact]
    public async Task Members_looking_at_the_map_card_at_once_cause_one_read_back_and_a_refresh_reads_the_actions_once()
    {
        await using var bot = await StartWithActionAsync();
        await bot.SendAsync(PlannerPipeline.Megan);
        await bot.SeedPublishedAsync();
        // A minute on, the task is due to be read back.
        bot.Clock!.Advance(TimeSpan.FromMinutes(1));
        var before = Graph.PlannerRequests.Count;

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => bot.RefreshAsync(PlannerPipeline.Isaiah)));

        Assert.All(answers, a => Assert.Contains("Show shipping costs on the product page", a, StringComparison.Ordinal));
        Assert.Equal(["GET /v1.0/planner/tasks/task-1"], Graph.PlannerRequests.Skip(before).Select(r => $"{r.Method} {r.Path}"));

        // Within the interval: no read-back, and the refresh reads the version shown and the actions, one query each,
        // and looks for the map's future state (one point read of its shelf line).
        using var storage = new MetricCollector<long>(
            bot.App.Services.GetRequiredService<IMeterFactory>(), StorageMetrics.MeterName, StorageMetrics.OperationsCounterName);
        bot.Clock.Advance(TimeSpan.FromSeconds(30));
        await bot.RefreshAsync(PlannerPipeline.Isaiah);
        Assert.Equal(["query", "query", "read"], storage.GetMeasurementSnapshot().Select(m => (string)m.Tags["operation"]!));
        Assert.Equal(before + 1, Graph.PlannerRequests.Count);

        // Once the interval is over, the next look reads the task again.
        bot.Clock.Advance(TimeSpan.FromSeconds(30));
        await bot.RefreshAsync(PlannerPipeline.Isaiah);
        Assert.Equal(before + 2, Graph.PlannerRequests.Count);
    }

    [Fact]
    public async Task The_map_cards_refresh_reads_back_through_SyncMapAsync_and_a_task_read_moments_ago_is_not_read_again()
    {
        await using var bot = await StartWithActionAsync();
        await bot.SendAsync(PlannerPipeline.Megan);
        Graph.Complete("task-1");
        var sync = bot.App.Services.GetRequiredService<TrackerServices>().Sync;

        var fresh = await sync.SyncMapAsync(PlannerPipeline.Team, bot.MapId, PlannerPipeline.Tenant, Cancel);
        bot.Clock!.Advance(TrackerSync.FreshFor);
        var later = await sync.SyncMapAsync(PlannerPipeline.Team, bot.MapId, PlannerPipeline.Tenant, Cancel);

        Assert.Equal((0, 0, 1), (fresh.Read, fresh.Done, fresh.Open));
        Assert.Equal((1, 1, 0), (later.Read, later.Done, later.Open));
        Assert.Equal(ActionStatus.Done, (await bot.ActionAsync()).Status);
    }

    [Fact]
    public async Task An_owner_without_an_entra_object_id_is_refused_politely_and_graph_is_not_called()
    {
        await using var bot = await StartAsync();
        await bot.SeedTrackerAsync();
        await bot.SeedActionAsync(new Person("29:megan", "Megan Bowen"));

        var answer = await bot.SendAsync(PlannerPipeline.Alex);

        Assert.Contains("no Microsoft Entra account that Planner knows", answer, StringComparison.Ordinal);
        Assert.Empty(Graph.PlannerRequests);
        Assert.Null((await bot.ActionAsync()).Tracker);
    }

    [Fact]
    public async Task Someone_neither_owner_nor_facilitator_cannot_send_the_action()
    {
        await using var bot = await StartWithActionAsync();

        var answer = await bot.SendAsync(PlannerPipeline.Isaiah);

        Assert.Contains("Only the action's owner, Megan Bowen, or the map's facilitator, Alex Wilber", answer, StringComparison.Ordinal);
        Assert.Empty(Graph.PlannerRequests);
    }

    [Fact]
    public async Task A_403_gives_a_card_naming_the_missing_permission_and_the_action_is_kept_as_it_was()
    {
        await using var bot = await StartAsync();
        await bot.SeedTrackerAsync();
        var before = await bot.SeedActionAsync();
        Graph.Fail(new GraphFault("POST", "/planner/tasks", 403));

        await bot.SendAsync(PlannerPipeline.Alex);

        Assert.Contains("Planner needs a permission", bot.Posted(), StringComparison.Ordinal);
        Assert.Contains("Tasks.ReadWrite.All", bot.Posted(), StringComparison.Ordinal);
        Assert.Contains("Nothing is lost", bot.Posted(), StringComparison.Ordinal);
        var after = await bot.ActionAsync();
        Assert.Equal((before.Status, before.Tracker, 0), (after.Status, after.Tracker, after.History.Count));
        Assert.Contains(bot.App.Logs.GetSnapshot(), r => r.Id.Id == 4150 && r.Message.Contains("Tasks.ReadWrite.All", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_403_when_listing_plans_names_Group_Read_All()
    {
        await using var bot = await StartAsync();
        Graph.Fail(new GraphFault("GET", "/planner/plans", 403));

        await bot.SayAsync(PlannerPipeline.Megan, "tracker planner");

        Assert.Contains("Group.Read.All", bot.Posted(), StringComparison.Ordinal);
        Assert.Null(await bot.Actions.GetTrackerAsync(PlannerPipeline.Team, Cancel));
    }

    [Fact]
    public async Task A_403_on_the_hourly_pass_tells_the_map_conversation_once_keeps_the_action_and_the_pass_goes_on()
    {
        await using var bot = await StartWithActionAsync();
        await bot.SendAsync(PlannerPipeline.Megan);
        bot.Clock!.Advance(TimeSpan.FromHours(1));
        Connector.Reset();

        Graph.Status = 403;
        var first = await bot.ScheduledSyncAsync();
        await bot.RunSyncAsync(first!);
        bot.Clock.Advance(TimeSpan.FromHours(1));
        var second = await bot.ScheduledSyncAsync();
        await bot.RunSyncAsync(second!);

        var cards = Connector.Requests.Where(r => r.AllText().Contains("Tasks.ReadWrite.All", StringComparison.Ordinal)).ToList();
        Assert.Contains(PlannerPipeline.Thread, Uri.UnescapeDataString(Assert.Single(cards).RawTarget), StringComparison.Ordinal);
        var action = await bot.ActionAsync();
        Assert.Equal((ActionStatus.Open, "task-1"), (action.Status, action.Tracker!.TaskId));
        Assert.NotNull(await bot.ScheduledSyncAsync());
    }

    [Fact]
    public async Task A_graph_outage_on_send_loses_nothing_and_says_to_try_again()
    {
        await using var bot = await StartWithActionAsync();
        Graph.Fail(new GraphFault("POST", "/planner/tasks", 500));

        var answer = await bot.SendAsync(PlannerPipeline.Megan);

        Assert.Contains("couldn't reach Planner", answer, StringComparison.Ordinal);
        // Nothing was created, so the send's claim is given up: a press later tries again at once.
        var kept = await bot.ActionAsync();
        Assert.Null(kept.Tracker);
        Assert.Null(kept.Sending);
        Assert.Single(Graph.PlannerRequests);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_and_the_task_is_created_once()
    {
        // The system clock: the retry waits Retry-After on the host's clock.
        await using var bot = await StartWithActionAsync(holdClock: false);
        Graph.Fail(new GraphFault("POST", "/planner/tasks", 429, RetryAfter: 1));

        var answer = await bot.SendAsync(PlannerPipeline.Megan);

        Assert.Contains("Sent to Planner", answer, StringComparison.Ordinal);
        Assert.Equal(2, Graph.PlannerRequests.Count(r => r.Method == "POST"));
        Assert.Single(Graph.Tasks);
        Assert.Equal("task-1", (await bot.ActionAsync()).Tracker!.TaskId);
    }

    [Fact]
    public async Task A_412_on_the_description_reads_the_details_ETag_again_and_updates_once_more_with_it()
    {
        await using var bot = await StartWithActionAsync();
        Graph.Fail(new GraphFault("PATCH", "/details", 412));

        await bot.SendAsync(PlannerPipeline.Megan);

        var calls = Graph.PlannerRequests;
        Assert.Equal(
            ["POST /v1.0/planner/tasks", "GET /v1.0/planner/tasks/task-1/details", "PATCH /v1.0/planner/tasks/task-1/details",
             "GET /v1.0/planner/tasks/task-1/details", "PATCH /v1.0/planner/tasks/task-1/details"],
            calls.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(calls.Where(r => r.Method == "PATCH"), r => Assert.False(string.IsNullOrEmpty(r.IfMatch)));
        Assert.NotNull(Graph.Tasks["task-1"].Description);
        Assert.NotNull((await bot.ActionAsync()).Tracker);
    }

    [Fact]
    public async Task A_description_update_that_lost_to_another_change_is_sent_again_with_the_ETag_read_again()
    {
        await using var bot = await StartWithActionAsync();
        // Someone edits the details between the bot's read and its update: the first update carries a stale ETag.
        Graph.DetailsChangesAfterRead = 1;

        await bot.SendAsync(PlannerPipeline.Megan);

        var patches = Graph.PlannerRequests.Where(r => r.Method == "PATCH").Select(r => r.IfMatch).ToList();
        Assert.Equal(2, patches.Count);
        Assert.NotEqual(patches[0], patches[1]);
        Assert.NotNull(Graph.Tasks["task-1"].Description);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<PlannerPipeline> StartAsync(bool holdClock = true) => PlannerPipeline.StartAsync(Issuer, Tokens, Connector, Graph, holdClock);

    // The team picked its plan, and Megan owns an action on the map.
    private async Task<PlannerPipeline> StartWithActionAsync(bool holdClock = true)
    {
        var bot = await StartAsync(holdClock);
        await bot.SeedTrackerAsync();
        await bot.SeedActionAsync();
        return bot;
    }
}
