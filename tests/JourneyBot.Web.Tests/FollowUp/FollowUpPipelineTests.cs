using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Actions.FollowUp;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Scheduling;
using JourneyBot.Testing;
using JourneyBot.Web.FollowUp;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Web.Tests.Rounds.RoundPipeline;

namespace JourneyBot.Web.Tests.FollowUp;

/// <summary>
/// A map's follow-up through the real host: the pass a change of its actions keeps on the durable
/// schedule is done by the host's schedule runner on the clock the test moves; the owner's reminder
/// lands in their 1:1 chat (started by the bot, as a round's questions are) and the weekly digest in
/// the map's thread, on the recording connector (loopback), with Azurite.
/// </summary>
/// <remarks>
/// The actions are put in the store as the <c>act</c> command would leave them; the pass is kept
/// as <see cref="Bot.JourneyTurnHandler"/> keeps it after a turn whose outcome names the map
/// (<see cref="TurnOutcome.ActionsTouched"/>). The clock starts on Monday 23 November 2026, 09:00 UTC;
/// nobody's time zone is known, so everyone's day is UTC's.
/// </remarks>
public sealed class FollowUpPipelineTests : IClassFixture<ConnectorFixture>
{
    private readonly RecordingConnector _connector;

    public FollowUpPipelineTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_owners_reminder_arrives_in_their_1on1_chat_two_days_ahead_once_and_the_digest_in_the_thread_a_week_on()
    {
        await using var pipeline = await StartAsync(_connector);
        var actions = pipeline.App.Services.GetRequiredService<IActionStore>();
        Assert.True(await actions.TryAddActionAsync(Team, pipeline.MapId, Action("o1", "s3", "Size guide on every product page", Megan, new DateOnly(2026, 11, 26)), Cancel));
        Assert.True(await actions.TryAddActionAsync(Team, pipeline.MapId, Action("o2", "s4", "Call back within a day", Adele, new DateOnly(2026, 12, 18)), Cancel));
        Assert.True(await actions.TryAddActionAsync(Team, pipeline.MapId, Action("o3", "s3", "Newsletter with sizes", Adele, new DateOnly(2026, 11, 20)) with
        {
            Status = ActionStatus.Done,
        }, Cancel));
        var touched = new ActionsTouched(new MapScope(Team, ChannelThread), pipeline.MapId, _connector.ServiceUrl(), Tenant);
        var before = _connector.Requests.Count;

        await pipeline.App.Services.GetRequiredService<FollowUpSchedule>().KeepAsync(touched, Cancel);
        await pipeline.MoveToAsync(Start + TimeSpan.FromMinutes(2));
        var afterFirstPass = _connector.Requests.Count;
        await pipeline.MoveToAsync(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var tuesday = _connector.Requests.Skip(afterFirstPass).ToList();
        await pipeline.MoveToAsync(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
        var laterTuesday = _connector.Requests.Count;
        await pipeline.MoveToAsync(new DateTimeOffset(2026, 11, 30, 9, 30, 0, TimeSpan.Zero));

        // The first pass, a minute after the change, sends nothing: nothing is due, and the thread's digest waits a week.
        Assert.Empty(_connector.Requests.Skip(before).Take(afterFirstPass - before).Select(r => $"{r.Method} {r.RawTarget}"));

        // Tuesday, two days ahead of Thursday: Megan's 1:1 chat is started and the reminder card posted there.
        var created = Assert.Single(tuesday, r => r.CreatesConversation);
        Assert.Equal("29:megan", Assert.Single(created.Parameters.Members!).Id);
        var reminder = Assert.Single(tuesday, r => IsActivityIn(r, ChatOf(Megan)));
        Assert.Contains("A reminder: the action you own is due on Thu 26 Nov.", reminder.AllText(), StringComparison.Ordinal);
        Assert.Contains("Size guide on every product page", reminder.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(tuesday, r => IsActivityIn(r, ChannelThread));
        Assert.Equal(new DateOnly(2026, 11, 26), (await actions.GetActionAsync(Team, pipeline.MapId, "o1", Cancel))!.Action.RemindedAheadOf);

        // Later passes remind her no more of it; a week on, the thread gets the digest.
        var after = _connector.Requests.Skip(laterTuesday).ToList();
        Assert.DoesNotContain(after, r => IsActivityIn(r, ChatOf(Megan)) && r.AllText().Contains("is due on Thu 26 Nov", StringComparison.Ordinal));
        var digest = Assert.Single(after, r => IsActivityIn(r, ChannelThread));
        Assert.Contains("Actions of “Shoe questions” this week", digest.AllText(), StringComparison.Ordinal);
        Assert.Contains("1 of 3 actions done, 1 overdue, 0 blocked.", digest.AllText(), StringComparison.Ordinal);
        Assert.Contains("overdue: “Size guide on every product page” (Megan Bowen, due Thu 26 Nov)", digest.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_stages_actions_are_all_done_the_thread_is_asked_once_and_the_facilitators_press_opens_a_round_for_that_stage()
    {
        await using var pipeline = await StartAsync(_connector);
        var actions = pipeline.App.Services.GetRequiredService<IActionStore>();
        Assert.True(await actions.TryAddActionAsync(Team, pipeline.MapId, Action("o1", "s3", "Size guide on every product page", Megan, new DateOnly(2026, 12, 18)) with
        {
            Status = ActionStatus.Done,
        }, Cancel));
        Assert.True(await actions.TryAddActionAsync(Team, pipeline.MapId, Action("o2", "s4", "Call back within a day", Adele, new DateOnly(2026, 12, 18)), Cancel));
        var touched = new ActionsTouched(new MapScope(Team, ChannelThread), pipeline.MapId, _connector.ServiceUrl(), Tenant);
        var before = _connector.Requests.Count;

        await pipeline.App.Services.GetRequiredService<FollowUpSchedule>().KeepAsync(touched, Cancel);
        await pipeline.MoveToAsync(Start + TimeSpan.FromMinutes(2));
        var question = Assert.Single(_connector.Requests.Skip(before), r => IsActivityIn(r, ChannelThread));
        await pipeline.MoveToAsync(Start + TimeSpan.FromDays(2));
        var later = _connector.Requests.Skip(before).Count(r => IsActivityIn(r, ChannelThread) && r.Method == "POST");
        var routing = await pipeline.PressInThreadAsync(Alex, question.AnsweredId!, ActionData(question, "remapStage"));

        Assert.Contains("Every action of “Purchase” in “Shoe questions” is done.", question.AllText(), StringComparison.Ordinal);
        Assert.Equal(1, later);
        Assert.Contains("ask the departments", routing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_act_leaves_the_maps_follow_up_pass_on_the_durable_schedule_a_minute_on()
    {
        await using var pipeline = await StartAsync(_connector);
        await pipeline.SayAsync(Isaiah, "opportunity Purchase | Guest checkout | Sales");
        await pipeline.SayAsync(Alex, "next");
        var opportunity = (await pipeline.Store.GetBoardAsync(Team, pipeline.MapId, Cancel)).Items.Single(i => i.Kind == ItemKind.Opportunity);
        var schedule = pipeline.App.Services.GetRequiredService<IDueWorkStore>();
        Assert.DoesNotContain(await schedule.ClaimDueAsync(Start.AddDays(1), "test-before", TimeSpan.FromMinutes(5), 50, Cancel),
            w => w.Work.Kind == FollowUpWork.Kind);

        await pipeline.SayAsync(Alex, $"act {opportunity.Id[..5]} @Megan Bowen by 2026-12-11 | guest share of orders: 0% -> 20%");
        var typedAt = pipeline.Clock.GetUtcNow();
        await pipeline.App.SendsAfterAnswerAsync();

        var action = (await pipeline.App.Services.GetRequiredService<IActionStore>().GetActionAsync(Team, pipeline.MapId, opportunity.Id, Cancel))!.Action;
        Assert.Equal((Megan.AadObjectId, new DateOnly(2026, 12, 11)), (action.Owner.Id, action.Due));
        var due = await schedule.ClaimDueAsync(typedAt.AddHours(2), "test", TimeSpan.FromMinutes(5), 50, Cancel);
        var pass = Assert.Single(due, w => w.Work.Kind == FollowUpWork.Kind).Work;
        Assert.Equal(($"followup|{Team}|{pipeline.MapId}", typedAt + FollowUpWork.AfterChange), (pass.Id, pass.DueAt));
        Assert.Equal(new ActionsTouched(new MapScope(Team, ChannelThread), pipeline.MapId, _connector.ServiceUrl(), Tenant), FollowUpWork.Read(pass));
    }

    private static OwnedAction Action(string id, string stage, string text, Protocol.Schema.ChannelAccount owner, DateOnly due) => new()
    {
        Id = id, StageId = stage, Text = text, Owner = new Person(owner.AadObjectId!, owner.Name!), Due = due,
        CreatedBy = new Person(Alex.AadObjectId!, Alex.Name!), CreatedAt = Start,
    };
}
