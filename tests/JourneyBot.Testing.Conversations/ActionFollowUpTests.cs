using JourneyBot.Conversation;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Actions.FollowUp;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// A published map's follow-up, pass by pass, as data on the clock the test moves (on the store of
/// the subclass): what each pass sends (owners' reminders, the thread's digest, the facilitator's
/// "map this stage again?") and what the host reports back once sent. Alex facilitates in Bucharest;
/// Megan owns actions in Bucharest, Adele in New York; Isaiah muted reminders. The clock starts on
/// Wednesday 25 November 2026, 09:00 UTC, when the actions are made.
/// </summary>
public abstract class ActionFollowUpTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string Bucharest = "Europe/Bucharest";

    /// <summary>Thursday 3 December: two days ahead is Tuesday 1 December, 09:00 in Bucharest is 07:00 UTC.</summary>
    private static readonly DateOnly Thursday = new(2026, 12, 3);

    private static readonly DateTimeOffset TuesdayMorningBucharest = new(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);

    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_owner_is_reminded_two_days_ahead_in_their_working_hours_once_however_often_the_pass_runs()
    {
        await using var session = await PublishedAsync();
        var map = await TargetAsync(session);
        await AddAsync(session, Action("o1", "s3", "Size guide on every product page", Megan, Thursday));
        var followUp = FollowUp(session);

        var early = await followUp.PassAsync(map, Ct);
        session.Clock.MoveTo(TuesdayMorningBucharest);
        var due = await followUp.PassAsync(map, Ct);
        var reminder = Assert.Single(due.Reminders);
        await followUp.RemindedAsync(map, reminder, Ct);
        var again = await followUp.PassAsync(map, Ct);

        Assert.Empty(early.Reminders);
        Assert.True(early.NextAt <= TuesdayMorningBucharest, $"The next pass {early.NextAt} comes after the reminder is due.");
        Assert.Equal(("o1", Megan, Thursday, false), (reminder.ActionId, reminder.Owner, reminder.Due, reminder.Overdue));
        Assert.Equal(new PersonalChat(ServiceUrl, "a:megan"), reminder.Chat);
        var text = CardText.Of(reminder.Card);
        Assert.Contains("A reminder: the action you own is due on Thu 3 Dec.", text, StringComparison.Ordinal);
        Assert.Contains("Size guide on every product page", text, StringComparison.Ordinal);
        Assert.Contains("Shoe journey · Purchase", text, StringComparison.Ordinal);
        Assert.Empty(again.Reminders);
        Assert.Equal(Thursday, (await ActionAsync(session, "o1")).RemindedAheadOf);
    }

    [Fact]
    public async Task A_due_day_moved_later_is_reminded_of_again()
    {
        await using var session = await PublishedAsync();
        var map = await TargetAsync(session);
        await AddAsync(session, Action("o1", "s3", "Size guide on every product page", Megan, Thursday));
        var followUp = FollowUp(session);
        session.Clock.MoveTo(TuesdayMorningBucharest);
        await followUp.RemindedAsync(map, Assert.Single((await followUp.PassAsync(map, Ct)).Reminders), Ct);

        await ChangeAsync(session, "o1", action => action with { Due = new DateOnly(2026, 12, 8) });
        var sameDay = await followUp.PassAsync(map, Ct);
        // Two days ahead of Tuesday 8 December is a Sunday: Monday morning, in Bucharest.
        session.Clock.MoveTo(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero));
        var moved = await followUp.PassAsync(map, Ct);

        Assert.Empty(sameDay.Reminders);
        Assert.True(sameDay.NextAt <= new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero), $"The next pass {sameDay.NextAt} comes after the reminder is due.");
        var reminder = Assert.Single(moved.Reminders);
        Assert.Contains("due on Tue 8 Dec", CardText.Of(reminder.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_day_after_the_due_day_an_owner_whose_action_is_not_done_is_told_once_and_a_done_action_is_left_alone()
    {
        await using var session = await PublishedAsync();
        var map = await TargetAsync(session);
        await AddAsync(session, Action("o1", "s3", "Size guide on every product page", Megan, Thursday));
        await AddAsync(session, Action("o2", "s3", "Free returns label in the box", Megan, Thursday) with { Status = ActionStatus.Done });
        var followUp = FollowUp(session);

        session.Clock.MoveTo(new DateTimeOffset(2026, 12, 4, 7, 0, 0, TimeSpan.Zero));
        var friday = await followUp.PassAsync(map, Ct);
        foreach (var reminder in friday.Reminders)
        {
            await followUp.RemindedAsync(map, reminder, Ct);
        }

        var again = await followUp.PassAsync(map, Ct);

        // Ahead was never sent (the pass did not run on Tuesday): past the day, only the overdue one goes.
        var overdue = Assert.Single(friday.Reminders);
        Assert.Equal(("o1", true), (overdue.ActionId, overdue.Overdue));
        Assert.Contains("The action you own was due on Thu 3 Dec and is not done yet.", CardText.Of(overdue.Card), StringComparison.Ordinal);
        Assert.Empty(again.Reminders);
        Assert.Equal(Thursday, (await ActionAsync(session, "o1")).RemindedOverdueOf);
        Assert.Null((await ActionAsync(session, "o2")).RemindedOverdueOf);
    }

    [Fact]
    public async Task A_muted_owner_is_not_reminded_and_an_owner_abroad_is_reminded_in_their_own_morning()
    {
        await using var session = await PublishedAsync();
        var map = await TargetAsync(session);
        await AddAsync(session, Action("o1", "s3", "Size guide on every product page", Isaiah, Thursday));
        await AddAsync(session, Action("o2", "s4", "Call back within a day", Adele, Thursday));
        var followUp = FollowUp(session);

        session.Clock.MoveTo(TuesdayMorningBucharest);
        var bucharestMorning = await followUp.PassAsync(map, Ct);
        session.Clock.MoveTo(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero));
        var newYorkMorning = await followUp.PassAsync(map, Ct);

        // 02:00 in New York: Adele's reminder waits for her 09:00; Isaiah's never comes.
        Assert.Empty(bucharestMorning.Reminders);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero), bucharestMorning.NextAt);
        Assert.Equal(["o2"], newYorkMorning.Reminders.Select(r => r.ActionId));
    }

    [Fact]
    public async Task The_thread_gets_a_digest_a_week_after_the_follow_up_began_then_weekly_while_an_action_is_open()
    {
        await using var session = await PublishedAsync();
        var map = await TargetAsync(session);
        await AddAsync(session, Action("o1", "s1", "Newsletter with sizes", Megan, new DateOnly(2026, 11, 27)) with { Status = ActionStatus.Done });
        await AddAsync(session, Action("o2", "s2", "Compare models side by side", Megan, new DateOnly(2026, 11, 27)) with { Status = ActionStatus.Done });
        await AddAsync(session, Action("o3", "s3", "Size guide on every product page", Megan, new DateOnly(2026, 11, 27)) with { Status = ActionStatus.Done });
        await AddAsync(session, Action("o4", "s4", "Call back within a day", Adele, new DateOnly(2026, 11, 30)));
        await AddAsync(session, Action("o5", "s5", "Reviews after 30 days", Isaiah, new DateOnly(2026, 12, 18)) with
        {
            Status = ActionStatus.Blocked, BlockedReason = "Waiting for legal",
        });
        var followUp = FollowUp(session);

        var first = await followUp.PassAsync(map, Ct);
        session.Clock.MoveTo(new DateTimeOffset(2026, 12, 2, 9, 5, 0, TimeSpan.Zero));
        var week = await followUp.PassAsync(map, Ct);
        await followUp.DigestedAsync(map, Ct);
        var sameWeek = await followUp.PassAsync(map, Ct);
        session.Clock.MoveTo(new DateTimeOffset(2026, 12, 9, 9, 10, 0, TimeSpan.Zero));
        var nextWeek = await followUp.PassAsync(map, Ct);

        Assert.Null(first.Digest);
        Assert.Equal(
            "**Actions of “Shoe journey” this week**\n"
            + "3 of 5 actions done, 1 overdue, 1 blocked.\n"
            + "- overdue: “Call back within a day” (Adele Vance, due Mon 30 Nov)\n"
            + "- blocked: “Reviews after 30 days” (Isaiah Langer): Waiting for legal",
            week.Digest?.Text);
        Assert.Null(sameWeek.Digest);
        Assert.NotNull(nextWeek.Digest);
    }

    [Fact]
    public async Task When_every_action_of_a_stage_is_done_the_facilitator_is_asked_once_and_nothing_is_scheduled_once_all_are_done()
    {
        await using var session = await PublishedAsync();
        var map = await TargetAsync(session);
        await AddAsync(session, Action("o1", "s3", "Size guide on every product page", Megan, Thursday) with { Status = ActionStatus.Done });
        await AddAsync(session, Action("o2", "s3", "Free returns label in the box", Megan, Thursday) with { Status = ActionStatus.Done });
        await AddAsync(session, Action("o3", "s4", "Call back within a day", Adele, Thursday));
        var followUp = FollowUp(session);

        var pass = await followUp.PassAsync(map, Ct);
        var question = Assert.Single(pass.Remaps);
        await followUp.AskedAsync(map, question.StageId, Ct);
        var again = await followUp.PassAsync(map, Ct);
        await ChangeAsync(session, "o3", action => action with { Status = ActionStatus.Done });
        var allDone = await followUp.PassAsync(map, Ct);

        Assert.Equal("s3", question.StageId);
        var text = CardText.Of(question.Card);
        Assert.Contains("Every action of “Purchase” in “Shoe journey” is done.", text, StringComparison.Ordinal);
        Assert.Contains("Alex Wilber, map “Purchase” again", text, StringComparison.Ordinal);
        Assert.NotNull(pass.NextAt);
        Assert.Empty(again.Remaps);
        Assert.Equal(["s4"], allDone.Remaps.Select(r => r.StageId));
        Assert.Null(allDone.NextAt);
    }

    [Fact]
    public async Task The_facilitators_press_opens_the_published_map_again_with_a_routing_card_for_that_stage_only_asking_everyone()
    {
        await using var session = await PublishedAsync();
        var map = await TargetAsync(session);
        await AddAsync(session, Action("o1", "s3", "Size guide on every product page", Megan, Thursday) with { Status = ActionStatus.Done });
        var question = Assert.Single((await FollowUp(session).PassAsync(map, Ct)).Remaps);

        var refused = await session.PressAsync(Megan, "Ask about this stage again", null, question.Card, RoundFlowTests.InChannel);
        Assert.Equal(MapStatus.Published, (await session.MapAsync()).Status);
        var pressed = await session.PressAsync(Alex, "Ask about this stage again", null, question.Card, RoundFlowTests.InChannel);

        Assert.Contains("Only Alex Wilber", refused.ToString(), StringComparison.Ordinal);
        Assert.Equal(MapStatus.Active, (await session.MapAsync()).Status);
        var routing = pressed.CardUpdate ?? throw new InvalidOperationException("The press showed no routing card.");
        Assert.Contains("Opened “Shoe journey” again.", CardText.Of(routing), StringComparison.Ordinal);
        var routes = CardButtons.AllInputs(routing).OfType<InputChoiceSet>().ToDictionary(c => c.Id!, c => c.Value);
        Assert.Equal("Sales,Product", routes["route.s3"]);
        Assert.All(routes.Where(r => r.Key != "route.s3"), r => Assert.Equal(string.Empty, r.Value));
        Assert.Equal("true", MappingSession.Submission(routing, "Send questions").Values[RoutingCard.EveryoneKey]);
    }

    // --- the map, its people and its actions ---

    private async Task<MappingSession> PublishedAsync()
    {
        var session = await StartSessionAsync();
        session.Roster.Members =
        [
            new RosterMember(Alex, "29:alex", "Marketing", Bucharest),
            new RosterMember(Megan, "29:megan", "Sales", Bucharest),
        ];
        await session.OpenContributionsAsync(Alex, "Shoe journey", "template");
        await session.SayAsync(Alex, "next");
        var stored = await session.Store.GetLatestConversationMapAsync(session.Scope, Ct);
        stored!.Map.Status = MapStatus.Published;
        Assert.NotNull(await session.Store.TrySaveAsync(session.Scope, stored, Ct));

        var team = session.Scope.TeamKey;
        await session.Store.PutMemberAsync(team, Alex.Id, TeamMember.New with { TimeZone = Bucharest }, Ct);
        await session.Store.PutMemberAsync(team, Megan.Id, TeamMember.New with { TimeZone = Bucharest, Chat = new PersonalChat(ServiceUrl, "a:megan") }, Ct);
        await session.Store.PutMemberAsync(team, Adele.Id, TeamMember.New with { TimeZone = "America/New_York", Chat = new PersonalChat(ServiceUrl, "a:adele") }, Ct);
        await session.Store.PutMemberAsync(team, Isaiah.Id, TeamMember.New with { TimeZone = Bucharest, Muted = true, Chat = new PersonalChat(ServiceUrl, "a:isaiah") }, Ct);
        return session;
    }

    private static async Task<ActionsTouched> TargetAsync(MappingSession session) =>
        new(session.Scope, (await session.MapAsync()).Id, ServiceUrl, "tenant-1");

    private static ActionFollowUp FollowUp(MappingSession session) => session.Services.GetRequiredService<ActionFollowUp>();

    private static OwnedAction Action(string id, string stage, string text, Person owner, DateOnly due) => new()
    {
        Id = id, StageId = stage, Text = text, Owner = owner, Due = due, CreatedBy = Alex, CreatedAt = SessionClock.Start,
    };

    private static async Task AddAsync(MappingSession session, OwnedAction action) =>
        Assert.True(await session.Services.GetRequiredService<IActionStore>().TryAddActionAsync(
            session.Scope.TeamKey, (await session.MapAsync()).Id, action, Ct));

    // The action changed as an owner's press or a facilitator's command would change it.
    private static async Task ChangeAsync(MappingSession session, string id, Func<OwnedAction, OwnedAction> change)
    {
        var (actions, mapId) = (session.Services.GetRequiredService<IActionStore>(), (await session.MapAsync()).Id);
        var stored = await actions.GetActionAsync(session.Scope.TeamKey, mapId, id, Ct);
        Assert.NotNull(await actions.TryReplaceActionAsync(session.Scope.TeamKey, mapId, stored! with { Action = change(stored.Action) }, Ct));
    }

    private static async Task<OwnedAction> ActionAsync(MappingSession session, string id) =>
        (await session.Services.GetRequiredService<IActionStore>().GetActionAsync(session.Scope.TeamKey, (await session.MapAsync()).Id, id, Ct))!.Action;
}
