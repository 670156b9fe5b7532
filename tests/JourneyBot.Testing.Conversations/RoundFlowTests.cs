using System.Text.Json;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// Rounds of questions as the people in them live them, on the store of the subclass (in memory in
/// JourneyBot.Conversation.Tests, on Azurite in JourneyBot.Storage.Tests): Alex facilitates a
/// five-stage map in the team channel (Bucharest time); Megan (Marketing, Bucharest), Isaiah
/// (Sales, Bucharest) and Adele (Customer Service, New York) answer in their 1:1 chats with the bot.
/// The clock starts on Wednesday 25 November 2026, 09:00 UTC, and is moved by the test.
/// </summary>
/// <remarks>
/// The default routing of the five stages with the default departments: Awareness and
/// Consideration → Marketing, Product; Purchase → Sales, Product; Retention and Advocacy →
/// Customer Service, Product (nobody in the team is in Product).
/// </remarks>
public abstract class RoundFlowTests
{
    /// <summary>The Teams service the team and the chats are on.</summary>
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    public const string Tenant = "tenant-1";

    /// <summary>Monday 30 November 2026, 17:00 in Bucharest: three working days after the Wednesday the round is sent.</summary>
    public static readonly DateTimeOffset Deadline = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    /// <summary>24 h before is Sunday: Friday 16:30 in Bucharest.</summary>
    public static readonly DateTimeOffset BucharestReminder = new(2026, 11, 27, 14, 30, 0, TimeSpan.Zero);

    /// <summary>24 h before is Sunday: Friday 16:30 in New York.</summary>
    public static readonly DateTimeOffset NewYorkReminder = new(2026, 11, 27, 21, 30, 0, TimeSpan.Zero);

    private const string Bucharest = "Europe/Bucharest";

    private static readonly RosterMember[] Team =
    [
        new(Alex, "29:alex", "Marketing", Bucharest),
        new(Megan, "29:megan", "Marketing", Bucharest),
        new(Adele, "29:adele", "Customer Service", "America/New_York"),
        new(Isaiah, "29:isaiah", "Sales", Bucharest),
    ];

    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task At_0_h_the_round_goes_to_3_members_as_3_direct_cards_and_the_routing_card_says_so_in_place_with_no_other_post()
    {
        await using var session = await AtContributionsAsync();

        var routing = await session.SayAsync(Alex, "ask", InChannel);
        var routingCard = Assert.Single(routing.Messages).Card!;
        var sent = await session.PressAsync(Alex, "Send questions", null, routingCard, InChannel);

        var shown = CardText.Of(routingCard);
        Assert.Contains("Shoe journey · ask the departments", shown, StringComparison.Ordinal);
        Assert.Contains("Customer Service: Adele Vance", shown, StringComparison.Ordinal);
        Assert.Equal("Marketing,Product", Choices(routingCard, "route.s1").Value);
        Assert.Equal("Sales,Product", Choices(routingCard, "route.s3").Value);
        Assert.Equal("Customer Service,Product", Choices(routingCard, "route.s5").Value);

        // One post in the channel thread: the routing card, turned into what was sent.
        Assert.Empty(sent.Messages);
        Assert.Null(sent.NewProgressCard);
        Assert.True(sent.ProgressChanged);
        var said = CardText.Of(sent.CardUpdate!);
        Assert.Contains("✔ Questions sent to 3 people in 3 departments, due Mon 17:00.", said, StringComparison.Ordinal);
        Assert.Contains("Marketing: Megan Bowen", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Wilber", said, StringComparison.Ordinal);
        Assert.Null(sent.CardUpdate!.Actions);

        // Three 1:1 cards, each about the member's department's stages, due in their own time.
        var map = await session.MapAsync();
        var key = new RoundKey(session.Scope.TeamKey, map.Id, 1);
        Assert.Equal([Megan, Adele, Isaiah], sent.Direct.Select(d => d.To.Member));
        Assert.All(sent.Direct, d => Assert.Equal((key, ServiceUrl, Tenant), (d.Round, d.ServiceUrl, d.TenantId)));
        var megan = CardText.Of(Direct(sent, Megan).Card);
        Assert.Contains("Shoe journey · your view", megan, StringComparison.Ordinal);
        Assert.Contains("Objective: Fewer abandoned baskets", megan, StringComparison.Ordinal);
        Assert.Contains("Please answer by **Mon 17:00** (your time)", megan, StringComparison.Ordinal);
        Assert.Contains("You're in Marketing: we'd like your view on Awareness and Consideration.", megan, StringComparison.Ordinal);
        Assert.Equal(["s1", "s2"], Choices(Direct(sent, Megan).Card, "pain.stage").Choices.Select(c => c.Value));
        var adele = CardText.Of(Direct(sent, Adele).Card);
        Assert.Contains("Please answer by **Mon 10:00** (your time)", adele, StringComparison.Ordinal);
        Assert.Contains("You're in Customer Service: we'd like your view on Retention and Advocacy.", adele, StringComparison.Ordinal);
        Assert.Contains("You're in Sales: we'd like your view on Purchase.", CardText.Of(Direct(sent, Isaiah).Card), StringComparison.Ordinal);

        // One deadline; one reminder each, on Friday afternoon in their own zone (24 h before is Sunday).
        Assert.Equal([new RoundTimer(key, null, Deadline)], session.Timers.Deadlines);
        Assert.Equal(
            [(Adele.Id, NewYorkReminder), (Isaiah.Id, BucharestReminder), (Megan.Id, BucharestReminder)],
            session.Timers.Reminders.Select(t => (t.MemberId!, t.At)).Order());
        Assert.All(session.Timers.Reminders, t => Assert.Equal(key, t.Round));

        // The round and its asks as stored.
        Assert.Equal(1, map.LatestRound);
        var round = (await session.Rounds.GetAsync(key.TeamKey, map.Id, 1, Ct))!;
        Assert.Equal((RoundState.Open, Deadline, Bucharest, ServiceUrl, Tenant, Alex, session.Scope.ConversationKey, false),
            (round.State, round.Deadline, round.TimeZone, round.ServiceUrl, round.TenantId, round.Facilitator, round.ConversationKey, round.ReviewAtDeadline));
        Assert.Equal(["Sales", "Product"], round.DepartmentsFor("s3"));
        var asks = await session.Rounds.ListAsksAsync(key.TeamKey, map.Id, 1, Ct);
        Assert.Equal(3, asks.Count);
        Assert.All(asks, a => Assert.Equal(AskState.Asked, a.State));
        Assert.Equal(NewYorkReminder, asks.Single(a => a.Member == Adele).ReminderAt);
        Assert.Equal(["s4", "s5"], asks.Single(a => a.Member == Adele).StageIds);

        // The progress card in the thread now shows the grid.
        var progress = CardText.Of((await session.Conversation.ProgressAsync(session.Scope, Ct))!.Card);
        Assert.Contains("**Questions** · round 1 · due Mon 17:00", progress, StringComparison.Ordinal);
        Assert.Contains("3. Purchase — Sales … · Product (nobody in the team)", progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_answers_in_their_1_1_chat_the_item_lands_in_the_teams_map_and_the_card_counts_it_until_Done()
    {
        await using var session = await AtContributionsAsync();
        var sent = await SendRoundAsync(session);
        var key = await KeyAsync(session);

        var added = await session.PressAsync(Megan, "+ Pain point › Add",
            new() { ["pain.stage"] = "s2", ["pain.text"] = "Too many models to compare", ["pain.evidence"] = "reported" },
            Direct(sent, Megan).Card, InChat("a:megan"));

        // In the team's map, as if typed in the channel, with her department.
        var item = Assert.Single((await session.BoardAsync()).Items);
        Assert.Equal((ItemKind.PainPoint, "s2", "Too many models to compare", Megan, "Marketing", Evidence.Reported),
            (item.Kind, item.StageId, item.Text, item.Author, item.AuthorDepartment, item.Evidence));

        // The card in her chat, in place: what she added, the same entry open on the same stage, Done.
        Assert.Empty(added.Messages);
        Assert.Empty(added.Direct);
        Assert.Equal(new ProgressElsewhere(session.Scope, ServiceUrl), added.ProgressIn);
        var card = added.CardUpdate!;
        var text = CardText.Of(card);
        Assert.Contains("✔ Added pain point", text, StringComparison.Ordinal);
        Assert.Contains("1 added: add more, or press **Done**.", text, StringComparison.Ordinal);
        Assert.Equal(["entry.pain"], card.Body.OfType<Container>().Where(c => c.Id?.StartsWith("entry.", StringComparison.Ordinal) == true && c.IsVisible is null).Select(c => c.Id));
        Assert.Equal("s2", Choices(card, "pain.stage").Value);
        Assert.Contains("[button Done]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[button Nothing to add]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[button Not my area]", text, StringComparison.Ordinal);
        Assert.Equal((AskState.Answered, 1), await StateAsync(session, key, Megan));

        // The grid of the progress card in the team thread shows Marketing answered.
        Assert.Contains("1. Awareness — Marketing ✔", CardText.Of((await session.Conversation.ProgressAsync(session.Scope, Ct))!.Card), StringComparison.Ordinal);

        var again = await session.PressAsync(Megan, "+ Touchpoint › Add",
            new() { ["touchpoint.stage"] = "s1", ["touchpoint.text"] = "Sees a running blog", ["touchpoint.channel"] = "Website", ["touchpoint.evidence"] = "reported" }, card, InChat("a:megan"));
        Assert.Contains("2 added: add more, or press **Done**.", CardText.Of(again.CardUpdate!), StringComparison.Ordinal);

        var done = await session.PressAsync(Megan, "Done", null, again.CardUpdate, InChat("a:megan"));

        Assert.Equal("Shoe journey · your view\n✔ Thanks, Megan Bowen: 2 items added to the map.", CardText.Of(done.CardUpdate!).ReplaceLineEndings("\n"));
        Assert.Null(done.CardUpdate!.Actions);
        Assert.Equal(new ProgressElsewhere(session.Scope, ServiceUrl), done.ProgressIn);
        Assert.Equal((AskState.Answered, 2), await StateAsync(session, key, Megan));
        Assert.Equal(2, (await session.BoardAsync()).Items.Count(i => i.Author == Megan && i.AuthorDepartment == "Marketing"));
    }

    [Fact]
    public async Task An_answer_past_the_members_limit_is_refused_on_their_card_and_not_counted()
    {
        await using var session = await AtContributionsAsync();
        var sent = await SendRoundAsync(session);
        var key = await KeyAsync(session);
        for (var n = 0; n < MapLimits.ItemsPerAuthor; n++)
        {
            await session.Store.TryAddItemAsync(key.TeamKey, key.MapId, new MapItem
            {
                Id = $"fill{n:D3}", Kind = ItemKind.Goal, StageId = "s1", Text = $"Goal {n}", Author = Megan, CreatedAt = SessionClock.Start,
            }, Ct);
        }

        var refused = await session.PressAsync(Megan, "+ Pain point › Add",
            new() { ["pain.stage"] = "s2", ["pain.text"] = "Too many models to compare", ["pain.evidence"] = "reported" }, Direct(sent, Megan).Card, InChat("a:megan"));

        Assert.Contains("⚠ You've added 200 items to this map, the most one person can add", CardText.Of(refused.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal(MapLimits.ItemsPerAuthor, (await session.BoardAsync()).Items.Count);
        Assert.Equal((AskState.Asked, 0), await StateAsync(session, key, Megan));
    }

    [Fact]
    public async Task A_member_types_an_item_in_their_1_1_chat_and_it_lands_in_the_map_the_question_came_from()
    {
        await using var session = await AtContributionsAsync();
        await SendRoundAsync(session);
        var key = await KeyAsync(session);
        // The host notes the chat a question went to once it is delivered there.
        await session.Rounds.AddChatAskAsync("a:megan", key, Ct);
        Func<UserTurn, UserTurn> personal = t => InChat("a:megan")(t) with { IsPersonalChat = true };

        var typed = await session.SayAsync(Megan, "pain Consideration | Too many models to compare", personal);
        var notHers = await session.SayAsync(Megan, "pain Retention | Returns take two weeks", personal);
        var elsewhere = await session.SayAsync(Adele, "pain Retention | Returns take two weeks", t => InChat("a:adele")(t) with { IsPersonalChat = true });

        Assert.Contains("✔ Added pain point", Assert.Single(typed.Messages).Text, StringComparison.Ordinal);
        Assert.Equal(new ProgressElsewhere(session.Scope, ServiceUrl), typed.ProgressIn);
        var item = Assert.Single((await session.BoardAsync()).Items);
        Assert.Equal(("s2", Megan, "Marketing"), (item.StageId, item.Author, item.AuthorDepartment));
        Assert.Equal((AskState.Answered, 1), await StateAsync(session, key, Megan));
        // Retention is not a stage her round asks Marketing about; Adele's chat got no question (the host noted none).
        Assert.StartsWith("⚠ Which stage?", Assert.Single(notHers.Messages).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Added", Assert.Single(elsewhere.Messages).Text, StringComparison.Ordinal);
        Assert.Single((await session.BoardAsync()).Items);
    }

    [Fact]
    public async Task With_questions_from_two_maps_open_a_typed_item_goes_to_the_map_the_member_picks()
    {
        await using var session = await AtContributionsAsync();
        await SendRoundAsync(session);
        var key = await KeyAsync(session);
        var map = await session.MapAsync();
        var chooser = QuestionCard.WhichMap([(map, key), (map, key with { Number = 99 })], "goal Awareness | Find a first pair fast");

        Assert.Equal(["Add to “Shoe journey”", "Add to “Shoe journey”"], chooser.Actions!.Select(a => a.Title));
        var picked = await session.PressAsync(Megan, "Add to “Shoe journey”", null, chooser, InChat("a:megan"));

        Assert.StartsWith("Shoe journey · your view\n✔ Added goal", CardText.Of(picked.CardUpdate!).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(("s1", "Find a first pair fast"), (Assert.Single((await session.BoardAsync()).Items).StageId, Assert.Single((await session.BoardAsync()).Items).Text));
        Assert.Equal((AskState.Answered, 1), await StateAsync(session, key, Megan));
    }

    [Fact]
    public async Task An_anonymous_rounds_items_show_the_department_only_everywhere_and_their_author_can_still_take_them_back()
    {
        await using var session = await AtContributionsAsync();
        var sent = await SendRoundAsync(session, new() { [RoutingCard.AnonymousInput] = "true" });
        var key = await KeyAsync(session);
        Assert.Contains("anonymous", CardText.Of(Direct(sent, Megan).Card), StringComparison.Ordinal);

        await session.PressAsync(Megan, "+ Pain point › Add", new() { ["pain.stage"] = "s2", ["pain.text"] = "Reviews hide the sizing complaints", ["pain.evidence"] = "reported" },
            Direct(sent, Megan).Card, InChat("a:megan"));
        await session.PressAsync(Megan, "+ Feeling › Add", new() { ["emotion.stage"] = "s1", ["emotion.score"] = "-1", ["emotion.text"] = "lost", ["emotion.evidence"] = "reported" },
            Direct(sent, Megan).Card, InChat("a:megan"));
        await session.PressAsync(Isaiah, "Nothing to add", null, Direct(sent, Isaiah).Card, InChat("a:isaiah"));

        // Every output of the map: the items, the progress card, the map card, the page and the exports.
        var (map, board) = (await session.MapAsync(), await session.BoardAsync());
        Assert.All(board.Items, item => Assert.Equal(("Someone in Marketing", "Marketing"), (item.Author.Name, item.AuthorDepartment)));
        var closing = await CloseAsync(session, key);
        string[] outputs =
        [
            JsonSerializer.Serialize(board.Items.Select(i => new { Item = i.Id, Author = i.Author.Id, i.Author.Name })),
            CardText.Of((await session.Conversation.ProgressAsync(session.Scope, Ct))!.Card),
            (await session.Conversation.ProgressAsync(session.Scope, Ct))!.Card.ToJson().GetRawText(),
            MapCard.For(map, board).ToJson().GetRawText(),
            JourneyBot.Conversation.Exports.MapPage.Html(map, board),
            JourneyBot.Conversation.Exports.MapExport.Json(map, board),
            JourneyBot.Conversation.Exports.MapExport.Csv(map, board),
            JourneyBot.Conversation.Exports.MapExport.Markdown(map, board),
            closing!.Post.Text!,
        ];
        Assert.All(outputs, output =>
        {
            Assert.DoesNotContain("Megan", output, StringComparison.Ordinal);
            Assert.DoesNotContain(Megan.Id, output, StringComparison.Ordinal);
        });
        Assert.Contains("Marketing**: 1 answered, 0 had nothing to add, 0 did not answer", closing.Post.Text, StringComparison.Ordinal);

        // She (and only she) can still take back her last one, from the team thread.
        var notHers = await session.SayAsync(Adele, "undo", InChannel);
        var hers = await session.SayAsync(Megan, "undo", InChannel);
        Assert.Contains("nothing to undo", Assert.Single(notHers.Messages).Text, StringComparison.Ordinal);
        Assert.Contains("lost", Assert.Single(hers.Messages).Text, StringComparison.Ordinal);
        Assert.Equal("Reviews hide the sizing complaints", Assert.Single((await session.BoardAsync()).Items).Text);
    }

    [Fact]
    public async Task A_map_published_during_a_round_closes_it_and_the_bot_removed_from_the_team_stops_its_rounds()
    {
        await using var session = await AtContributionsAsync();
        var sent = await SendRoundAsync(session);
        var key = await KeyAsync(session);
        var megan = await AskAsync(session, key, Megan);
        await session.Rounds.PutAskAsync(key.TeamKey, key.MapId, key.Number, megan with { ChatId = "a:megan" }, Ct);

        // Removed from the team: its open rounds stop, with no summary to post.
        await session.Due.StopAllAsync(key.TeamKey, Ct);

        Assert.Equal(RoundState.Closed, (await session.Rounds.GetAsync(key.TeamKey, key.MapId, key.Number, Ct))!.State);
        Assert.Null(await session.Due.ReminderAsync(key, Megan.Id, megan.ReminderAt!.Value, Ct));
        Assert.Null(await session.Due.CloseAsync(key, Ct));
        var late = await session.PressAsync(Megan, "Nothing to add", null, Direct(sent, Megan).Card, InChat("a:megan"));
        Assert.Contains("These questions have closed", CardText.Of(late.CardUpdate!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_map_finished_during_a_round_sends_no_reminder_and_its_grid_reads_closed()
    {
        await using var session = await AtContributionsAsync();
        await SendRoundAsync(session);
        var key = await KeyAsync(session);
        var megan = await AskAsync(session, key, Megan);
        await session.Rounds.PutAskAsync(key.TeamKey, key.MapId, key.Number, megan with { ChatId = "a:megan" }, Ct);
        Assert.NotNull(await session.Due.ReminderAsync(key, Megan.Id, megan.ReminderAt!.Value, Ct));

        await session.SayAsync(Alex, "archive", InChannel);

        Assert.Null(await session.Due.ReminderAsync(key, Megan.Id, megan.ReminderAt!.Value, Ct));
        Assert.Null(await session.Due.CloseAsync(key, Ct));
        Assert.Equal(RoundState.Closed, (await session.Rounds.GetAsync(key.TeamKey, key.MapId, key.Number, Ct))!.State);
    }

    [Fact]
    public async Task Nothing_to_add_Not_my_area_with_a_colleague_and_Remind_me_tomorrow_each_answer_on_the_card()
    {
        await using var session = await AtContributionsAsync();
        var sent = await SendRoundAsync(session);
        var key = await KeyAsync(session);

        var nothing = await session.PressAsync(Isaiah, "Nothing to add", null, Direct(sent, Isaiah).Card, InChat("a:isaiah"));
        Assert.Contains("✔ Noted, Isaiah Langer: nothing to add this time.", CardText.Of(nothing.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal((AskState.NothingToAdd, 0), await StateAsync(session, key, Isaiah));
        Assert.Equal(new ProgressElsewhere(session.Scope, ServiceUrl), nothing.ProgressIn);

        // Not my area: the colleagues asked, each choice carrying their id and name; never herself.
        var adeleCard = Direct(sent, Adele).Card;
        var colleagues = Choices(adeleCard, QuestionCard.SuggestInput).Choices;
        Assert.Equal([Megan.Name, Isaiah.Name], colleagues.Select(c => c.Title));
        Assert.Equal([Megan, Isaiah], colleagues.Select(c => QuestionCard.ReadSuggestion(c.Value)));
        var nobodyPicked = await session.PressAsync(Adele, "Not my area › Suggest", null, adeleCard, InChat("a:adele"));
        Assert.Contains("⚠ Pick the colleague who knows it better", CardText.Of(nobodyPicked.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal((AskState.Asked, 0), await StateAsync(session, key, Adele));
        var suggested = await session.PressAsync(Adele, "Not my area › Suggest",
            new() { [QuestionCard.SuggestInput] = colleagues[0].Value }, nobodyPicked.CardUpdate, InChat("a:adele"));
        Assert.Contains("✔ Thanks, Adele Vance: I'll tell the facilitator to ask Megan Bowen.", CardText.Of(suggested.CardUpdate!), StringComparison.Ordinal);
        var adele = await AskAsync(session, key, Adele);
        Assert.Equal((AskState.Suggested, Megan), (adele.State, adele.Suggested));

        // Remind me tomorrow (Wednesday morning): Thursday 09:00 in Bucharest, and only that reminder acts.
        var remind = await session.PressAsync(Megan, "Remind me tomorrow", null, Direct(sent, Megan).Card, InChat("a:megan"));
        var tomorrow = new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);
        Assert.Contains("I'll remind you Thu 09:00 (your time).", CardText.Of(remind.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal(new RoundTimer(key, Megan.Id, tomorrow), session.Timers.Reminders[^1]);
        var megan = await AskAsync(session, key, Megan);
        Assert.Equal((AskState.Asked, tomorrow, (DateTimeOffset?)null), (megan.State, megan.ReminderAt, megan.RemindedAt));
    }

    [Fact]
    public async Task A_member_whose_department_is_unknown_is_asked_it_first_then_gets_their_stages_and_keeps_the_rest_of_their_row()
    {
        await using var session = await AtContributionsAsync([.. Team, new(Patti, "29:patti", null, Bucharest)]);
        await session.SayAsync(Patti, "mute", t => t with { TimeZone = Bucharest });
        var sent = await SendRoundAsync(session);
        var key = await KeyAsync(session);

        Assert.Contains("✔ Questions sent to 4 people in 3 departments", CardText.Of(sent.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("Department unknown (asked it first): Patti Fernandez", CardText.Of(sent.CardUpdate!), StringComparison.Ordinal);
        var first = Direct(sent, Patti).Card;
        Assert.Contains("Which department are you in?", CardText.Of(first), StringComparison.Ordinal);
        Assert.Equal([QuestionCard.DepartmentInput], CardButtons.AllInputs(first).Select(i => i.Id));
        Assert.Equal(["Save"], first.Actions!.Select(a => a.Title));
        Assert.Equal((AskState.NeedsDepartment, 0), await StateAsync(session, key, Patti));

        var refused = await session.PressAsync(Patti, "Save", new() { [QuestionCard.DepartmentInput] = "  " }, first, InChat("a:patti"));
        Assert.Contains("⚠", CardText.Of(refused.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal((AskState.NeedsDepartment, 0), await StateAsync(session, key, Patti));

        var stages = await session.PressAsync(Patti, "Save", new() { [QuestionCard.DepartmentInput] = "Sales" }, first, InChat("a:patti"));

        Assert.Contains("You're in Sales: we'd like your view on Purchase.", CardText.Of(stages.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal(["s3"], Choices(stages.CardUpdate!, "touchpoint.stage").Choices.Select(c => c.Value));
        var patti = await AskAsync(session, key, Patti);
        Assert.Equal(("Sales", AskState.Asked), (patti.Department, patti.State));
        Assert.Equal(["s3"], patti.StageIds);

        // Her department is the team's to remember now; her mute and time zone are kept.
        var row = await session.Store.GetMemberAsync(session.Scope.TeamKey, Patti.Id, Ct);
        Assert.Equal(("Sales", true, true, Bucharest), (row!.Department, row.AskedForDepartment, row.Muted, row.TimeZone));

        var added = await session.PressAsync(Patti, "+ Pain point › Add", new() { ["pain.text"] = "Card declined twice", ["pain.evidence"] = "reported" }, stages.CardUpdate, InChat("a:patti"));
        Assert.Contains("1 added", CardText.Of(added.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal("Sales", (await session.BoardAsync()).Items.Single(i => i.Author == Patti).AuthorDepartment);
    }

    [Fact]
    public async Task A_member_whose_department_is_asked_about_nothing_is_thanked_and_done()
    {
        await using var session = await AtContributionsAsync([.. Team, new(Patti, "29:patti", null, Bucharest)]);
        var sent = await SendRoundAsync(session);
        var key = await KeyAsync(session);

        var legal = await session.PressAsync(Patti, "Save", new() { [QuestionCard.DepartmentInput] = "Legal" }, Direct(sent, Patti).Card, InChat("a:patti"));

        Assert.Contains("✔ Thanks, Patti Fernandez: this round asks nothing of Legal.", CardText.Of(legal.CardUpdate!), StringComparison.Ordinal);
        Assert.Null(legal.CardUpdate!.Actions);
        Assert.Equal((AskState.NothingToAdd, 0), await StateAsync(session, key, Patti));
    }

    [Fact]
    public async Task A_forged_or_replayed_card_changes_nothing_and_is_answered_politely()
    {
        await using var session = await AtContributionsAsync();
        var sent = await SendRoundAsync(session);
        var card = Direct(sent, Megan).Card;
        var add = MappingSession.Submission(card, "+ Pain point › Add", new() { ["pain.stage"] = "s1", ["pain.text"] = "Forged", ["pain.evidence"] = "reported" });
        var before = await SnapshotAsync(session);

        // A card for another map, another team or a round that does not exist; a member the round did not ask.
        foreach (var (who, forged) in new[]
        {
            (Megan, With(add, CardVerbs.MapKey, "map-of-another-team")),
            (Megan, With(add, CardVerbs.TeamKey, "19:other-team@thread.tacv2")),
            (Megan, With(add, CardVerbs.RoundKey, "2")),
            (Megan, With(add, CardVerbs.RoundKey, "x")),
            (Patti, add),
            (Alex, add),
        })
        {
            var outcome = await session.SubmitAsync(who, forged, InChat("a:" + who.Id));
            Assert.Equal("This question card isn't one I sent you, so I changed nothing.", Assert.Single(outcome.Messages).Text);
            Assert.Null(outcome.CardUpdate);
            Assert.Null(outcome.ProgressIn);
        }

        // A stage her department is not asked about (the card offers only hers).
        var otherStage = await session.SubmitAsync(Megan, With(add, "pain.stage", "s4"), InChat("a:megan"));
        Assert.Contains("⚠", CardText.Of(otherStage.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(session));

        // The same press delivered twice adds one item and counts it once.
        await session.SubmitAsync(Megan, add, t => InChat("a:megan")(t) with { ActivityId = "activity-replayed" });
        var replayed = await session.SubmitAsync(Megan, add, t => InChat("a:megan")(t) with { ActivityId = "activity-replayed" });
        Assert.Contains("1 added", CardText.Of(replayed.CardUpdate!), StringComparison.Ordinal);
        Assert.Single((await session.BoardAsync()).Items);
        Assert.Equal((AskState.Answered, 1), await StateAsync(session, await KeyAsync(session), Megan));

        // A press after the deadline closed the round.
        session.Clock.MoveTo(Deadline);
        Assert.NotNull(await CloseAsync(session, await KeyAsync(session)));
        var closed = await SnapshotAsync(session);
        var late = await session.PressAsync(Adele, "+ Pain point › Add", new() { ["pain.stage"] = "s4", ["pain.text"] = "Too late", ["pain.evidence"] = "reported" }, Direct(sent, Adele).Card, InChat("a:adele"));
        Assert.Contains("These questions have closed", CardText.Of(late.CardUpdate!), StringComparison.Ordinal);
        Assert.Null(late.CardUpdate!.Actions);
        var lateNothing = await session.PressAsync(Adele, "Nothing to add", null, Direct(sent, Adele).Card, InChat("a:adele"));
        Assert.Contains("These questions have closed", CardText.Of(lateNothing.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal(closed, await SnapshotAsync(session));
    }

    [Fact]
    public async Task Plus_47_h_Megan_gets_one_reminder_and_Adele_who_answered_none_nor_a_muted_member_nor_a_stale_time()
    {
        await using var session = await AtContributionsAsync();
        var sent = await SendRoundAsync(session);
        var key = await KeyAsync(session);

        // Not delivered yet: no chat to remind her in.
        Assert.Null(await session.Due.ReminderAsync(key, Megan.Id, BucharestReminder, Ct));
        foreach (var member in new[] { Megan, Adele, Isaiah })
        {
            // As the host does once the question card is delivered.
            var ask = await AskAsync(session, key, member);
            await session.Rounds.PutAskAsync(key.TeamKey, key.MapId, key.Number, ask with { ChatId = "a:" + member.Id, CardActivityId = "card-" + member.Id }, Ct);
        }

        await session.PressAsync(Adele, "+ Idea › Add", new() { ["opportunity.stage"] = "s4", ["opportunity.text"] = "Loyalty points for runs", ["opportunity.evidence"] = "reported" },
            Direct(sent, Adele).Card, InChat("a:" + Adele.Id));
        await session.SayAsync(Isaiah, "mute");
        session.Clock.MoveTo(BucharestReminder);

        var reminder = await session.Due.ReminderAsync(key, Megan.Id, BucharestReminder, Ct);

        Assert.NotNull(reminder);
        Assert.Equal((Megan, ServiceUrl, "a:" + Megan.Id), (reminder.Ask.Member, reminder.ServiceUrl, reminder.ChatId));
        Assert.Equal("A reminder: your view on “Shoe journey” is due **Mon 17:00** (your time). The questions are in the card above; *mute* stops reminders.",
            reminder.Text);
        await session.Due.RemindedAsync(key, Megan.Id, Ct);
        Assert.InRange((await AskAsync(session, key, Megan)).RemindedAt!.Value, BucharestReminder, BucharestReminder.AddMinutes(1));
        Assert.Null(await session.Due.ReminderAsync(key, Megan.Id, BucharestReminder, Ct));

        // Adele answered; Isaiah muted (until he unmutes).
        Assert.Null(await session.Due.ReminderAsync(key, Adele.Id, NewYorkReminder, Ct));
        Assert.Null(await session.Due.ReminderAsync(key, Isaiah.Id, BucharestReminder, Ct));
        await session.SayAsync(Isaiah, "unmute");
        Assert.NotNull(await session.Due.ReminderAsync(key, Isaiah.Id, BucharestReminder, Ct));

        // Remind me tomorrow moves his reminder: the old time does nothing, the new one acts.
        await session.PressAsync(Isaiah, "Remind me tomorrow", null, Direct(sent, Isaiah).Card, InChat("a:" + Isaiah.Id));
        var monday = new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
        Assert.Equal(new RoundTimer(key, Isaiah.Id, monday), session.Timers.Reminders[^1]);
        Assert.Null(await session.Due.ReminderAsync(key, Isaiah.Id, BucharestReminder, Ct));
        Assert.Null(await session.Due.ReminderAsync(key, "aad-nobody", BucharestReminder, Ct));
        session.Clock.MoveTo(monday);
        Assert.NotNull(await session.Due.ReminderAsync(key, Isaiah.Id, monday, Ct));
    }

    [Fact]
    public async Task Muted_in_the_1_1_chat_gets_no_reminder_either()
    {
        await using var session = await AtContributionsAsync();
        await SendRoundAsync(session);
        var key = await KeyAsync(session);
        var ask = await AskAsync(session, key, Megan);
        await session.Rounds.PutAskAsync(key.TeamKey, key.MapId, key.Number, ask with { ChatId = "a:megan" }, Ct);

        await session.SayAsync(Megan, "mute", InChat("a:megan"));

        Assert.Null(await session.Due.ReminderAsync(key, Megan.Id, BucharestReminder, Ct));
    }

    [Fact]
    public async Task At_the_deadline_one_summary_post_per_department_and_the_round_closes_once()
    {
        await using var session = await AtContributionsAsync();
        var sent = await SendRoundAsync(session);
        var key = await KeyAsync(session);
        await AnswerAsync(session, sent);
        session.Clock.MoveTo(Deadline);

        var closing = await CloseAsync(session, key);

        Assert.NotNull(closing);
        Assert.Equal((session.Scope, ServiceUrl), (closing.Scope, closing.ServiceUrl));
        Assert.Null(closing.Post.Card);
        Assert.Equal(
            """
            Questions for “Shoe journey” (round 1) have closed.
            - **Customer Service**: did not answer: Adele Vance
            - **Marketing**: answered: Megan Bowen (2 items)
            - **Sales**: nothing to add: Isaiah Langer

            Type *ask* to ask again those who did not answer.
            """.ReplaceLineEndings("\n"),
            closing.Post.Text);
        Assert.Equal(RoundState.Closed, (await session.Rounds.GetAsync(key.TeamKey, key.MapId, 1, Ct))!.State);
        Assert.Equal(MapStep.Contribute, (await session.MapAsync()).Step);
        Assert.Contains("**Questions** · round 1 · closed", CardText.Of((await session.Conversation.ProgressAsync(session.Scope, Ct))!.Card), StringComparison.Ordinal);

        // The deadline delivered twice: nothing more.
        Assert.Null(await CloseAsync(session, key));
        Assert.Null(await session.Due.ReminderAsync(key, Adele.Id, NewYorkReminder, Ct));
    }

    [Fact]
    public async Task Plus_1_h_at_the_deadline_the_session_moves_to_the_review_when_the_facilitator_chose_it()
    {
        await using var session = await AtContributionsAsync();
        var sent = await SendRoundAsync(session, new() { [RoutingCard.ReviewInput] = "true" });
        var key = await KeyAsync(session);
        Assert.True((await session.Rounds.GetAsync(key.TeamKey, key.MapId, 1, Ct))!.ReviewAtDeadline);
        await AnswerAsync(session, sent);
        session.Clock.MoveTo(Deadline);

        var closing = await CloseAsync(session, key);

        Assert.NotNull(closing);
        Assert.StartsWith("Questions for “Shoe journey” (round 1) have closed.", closing.Post.Text, StringComparison.Ordinal);
        Assert.EndsWith("As chosen, the session moves to the review now.", closing.Post.Text, StringComparison.Ordinal);
        Assert.Contains("Step 7 of 7: Review and vote", CardText.Of(closing.Post.Card!), StringComparison.Ordinal);
        Assert.Contains("Too many models to compare", CardText.Of(closing.Post.Card!), StringComparison.Ordinal);
        Assert.Equal(MapStep.Review, (await session.MapAsync()).Step);
        Assert.Null(await CloseAsync(session, key));
    }

    [Fact]
    public async Task Ask_while_a_round_is_open_is_refused_with_its_due_time_and_after_it_closed_asks_only_who_did_not_answer()
    {
        await using var session = await AtContributionsAsync();
        var routing = Assert.Single((await session.SayAsync(Alex, "ask", InChannel)).Messages).Card!;
        var sent = await session.PressAsync(Alex, "Send questions", null, routing, InChannel);
        var key = await KeyAsync(session);

        var open = await session.SayAsync(Alex, "ask", InChannel);
        Assert.Equal("Round 1 is still open until Mon 17:00. Once it closes, *ask* sends a new round to those who did not answer.", Assert.Single(open.Messages).Text);

        // The routing card pressed again (or its press delivered twice) sends nothing more.
        var sentAgain = await session.PressAsync(Alex, "Send questions", null, routing, InChannel);
        Assert.Equal(Assert.Single(open.Messages).Text, Assert.Single(sentAgain.Messages).Text);
        Assert.Empty(sentAgain.Direct);
        Assert.Equal(1, (await session.MapAsync()).LatestRound);
        Assert.Single(session.Timers.Deadlines);

        await AnswerAsync(session, sent);
        session.Clock.MoveTo(Deadline);
        await CloseAsync(session, key);
        var second = await SendRoundAsync(session);

        // Megan answered and Isaiah had nothing to add: only Adele is asked again.
        Assert.Equal([Adele], second.Direct.Select(d => d.To.Member));
        Assert.Equal(2, second.Direct[0].Round.Number);
        Assert.Contains("✔ Questions sent to 1 person in 1 department, due Thu 17:00.", CardText.Of(second.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal(2, (await session.MapAsync()).LatestRound);
        var thursday = new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);
        Assert.Equal(new RoundTimer(key with { Number = 2 }, null, thursday), session.Timers.Deadlines[^1]);
        Assert.Contains("**Questions** · round 2 · due Thu 17:00", CardText.Of((await session.Conversation.ProgressAsync(session.Scope, Ct))!.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_third_round_asks_nobody_who_answered_any_earlier_round()
    {
        await using var session = await AtContributionsAsync();
        var sent = await SendRoundAsync(session);
        var key = await KeyAsync(session);
        await AnswerAsync(session, sent);
        session.Clock.MoveTo(Deadline);
        await CloseAsync(session, key);
        await SendRoundAsync(session);
        session.Clock.Advance(TimeSpan.FromDays(4));
        Assert.NotNull(await CloseAsync(session, key with { Number = 2 }));

        var third = await SendRoundAsync(session);

        Assert.Equal([Adele], third.Direct.Select(d => d.To.Member));
        Assert.Equal(3, third.Direct[0].Round.Number);
    }

    [Fact]
    public async Task A_member_Teams_could_not_reach_is_asked_again_in_the_next_round()
    {
        await using var session = await AtContributionsAsync();
        await SendRoundAsync(session);
        var key = await KeyAsync(session);
        var isaiah = await AskAsync(session, key, Isaiah);
        await session.Rounds.PutAskAsync(key.TeamKey, key.MapId, 1, isaiah with { State = AskState.CannotReach }, Ct); // the host, on a 403
        Assert.Contains("⚠ Teams would not deliver to Isaiah Langer", CardText.Of((await session.Conversation.ProgressAsync(session.Scope, Ct))!.Card), StringComparison.Ordinal);
        session.Clock.MoveTo(Deadline);
        var closing = await CloseAsync(session, key);
        Assert.Contains("- **Sales**: could not be reached: Isaiah Langer", closing!.Post.Text, StringComparison.Ordinal);

        var second = await SendRoundAsync(session);

        Assert.Equal([Megan, Adele, Isaiah], second.Direct.Select(d => d.To.Member));
    }

    public static TheoryData<string, string, string, string> RefusedDeadlines => new()
    {
        // date, time, what is wrong, the routing card's note
        { "2026-11-20", "17:00", "past", "⚠ That deadline has passed: pick a later one." },
        { "2026-11-25", "08:00", "earlier today", "⚠ That deadline has passed: pick a later one." },
        { "2027-01-30", "17:00", "over 30 days", "⚠ That deadline is more than 30 days away" },
        { "", "17:00", "no date", "⚠ Pick a date for the deadline." },
    };

    [Theory]
    [MemberData(nameof(RefusedDeadlines))]
    public async Task A_deadline_that_cannot_be_used_brings_the_routing_card_back_with_the_reason_and_the_same_values(string date, string time, string why, string note)
    {
        await using var session = await AtContributionsAsync();
        var routing = Assert.Single((await session.SayAsync(Alex, "ask", InChannel)).Messages).Card!;

        var refused = await session.PressAsync(Alex, "Send questions", new()
        {
            [RoutingCard.DateInput] = date, [RoutingCard.TimeInput] = time, ["route.s1"] = "Sales", [RoutingCard.ReviewInput] = "true",
        }, routing, InChannel);

        Assert.True(why.Length > 0);
        await NothingSentAsync(session, refused);
        var card = refused.CardUpdate!;
        Assert.Contains(note, CardText.Of(card), StringComparison.Ordinal);
        Assert.Equal("Sales", Choices(card, "route.s1").Value);
        Assert.Equal("Sales,Product", Choices(card, "route.s3").Value);
        Assert.Equal("true", card.Body.OfType<InputToggle>().Single(t => t.Id == RoutingCard.ReviewInput).Value);
        if (date.Length > 0)
        {
            Assert.Equal((date, time), (card.Body.OfType<InputDate>().Single().Value, card.Body.OfType<InputTime>().Single().Value));
        }

        // The same card, corrected, sends.
        var fixedUp = await session.PressAsync(Alex, "Send questions", new() { [RoutingCard.DateInput] = "2026-12-04", [RoutingCard.TimeInput] = "17:00" }, card, InChannel);
        Assert.Contains("due Fri 4 Dec 17:00", CardText.Of(fixedUp.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal([Megan, Adele, Isaiah], fixedUp.Direct.Select(d => d.To.Member));
        Assert.Equal(["s1", "s3"], fixedUp.Direct.Single(d => d.To.Member == Isaiah).To.StageIds);
    }

    [Fact]
    public async Task A_routing_card_with_no_department_ticked_or_nobody_to_ask_comes_back_with_the_reason()
    {
        await using var session = await AtContributionsAsync();
        var routing = Assert.Single((await session.SayAsync(Alex, "ask", InChannel)).Messages).Card!;
        var nothingTicked = Enumerable.Range(1, 5).ToDictionary(i => $"route.s{i}", _ => string.Empty);

        var none = await session.PressAsync(Alex, "Send questions", nothingTicked, routing, InChannel);
        await NothingSentAsync(session, none);
        Assert.Contains("⚠ Tick at least one department for one stage.", CardText.Of(none.CardUpdate!), StringComparison.Ordinal);

        // Only Product ticked: nobody in the team is in Product.
        var onlyProduct = Enumerable.Range(1, 5).ToDictionary(i => $"route.s{i}", _ => "Product");
        var nobody = await session.PressAsync(Alex, "Send questions", onlyProduct, routing, InChannel);
        await NothingSentAsync(session, nobody);
        Assert.Contains("⚠ Nobody to ask", CardText.Of(nobody.CardUpdate!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_roster_or_with_over_500_members_no_round_is_sent()
    {
        await using var session = await AtContributionsAsync();
        var routing = Assert.Single((await session.SayAsync(Alex, "ask", InChannel)).Messages).Card!;

        session.Roster.Members = null;
        var noRoster = await session.SayAsync(Alex, "ask", InChannel);
        Assert.StartsWith("I can't read this conversation's members here", Assert.Single(noRoster.Messages).Text, StringComparison.Ordinal);
        var noRosterSend = await session.PressAsync(Alex, "Send questions", null, routing, InChannel);
        Assert.StartsWith("I can't read this conversation's members here", Assert.Single(noRosterSend.Messages).Text, StringComparison.Ordinal);
        await NothingSentAsync(session, noRosterSend);

        session.Roster.Members = [.. Team, .. Enumerable.Range(1, 497).Select(i => new RosterMember(new($"aad-{i}", $"Member {i}"), $"29:{i}", "Sales", null))];
        Assert.Equal(501, session.Roster.Members.Count);
        var tooMany = await session.SayAsync(Alex, "ask", InChannel);
        Assert.Equal("This conversation has more than 500 members; a round asks at most 500. Send it from a smaller team or chat.", Assert.Single(tooMany.Messages).Text);
        var tooManySend = await session.PressAsync(Alex, "Send questions", null, routing, InChannel);
        Assert.Equal(Assert.Single(tooMany.Messages).Text, Assert.Single(tooManySend.Messages).Text);
        await NothingSentAsync(session, tooManySend);

        session.Roster.Members = session.Roster.Members.Take(500).ToList();
        var fiveHundred = await session.PressAsync(Alex, "Send questions", null, routing, InChannel);
        Assert.Equal(499, fiveHundred.Direct.Count);
    }

    [Fact]
    public async Task Only_the_facilitator_asks_and_not_before_contributions_are_open()
    {
        await using var session = await StartSessionAsync();
        session.Roster.Members = Team;
        await session.SayAsync(Alex, "start Shoe journey");
        Assert.Equal("Questions go out once contributions are open: finish the setup first.", Assert.Single((await session.SayAsync(Alex, "ask", InChannel)).Messages).Text);
        foreach (var line in new[] { "Fewer abandoned baskets", "next", "next", "next", "template", "next" })
        {
            await session.SayAsync(Alex, line);
        }

        var routing = Assert.Single((await session.SayAsync(Alex, "ask", InChannel)).Messages).Card!;

        var megan = await session.SayAsync(Megan, "ask", InChannel);
        Assert.StartsWith("Only Alex Wilber, who facilitates “Shoe journey”, can send questions to the departments.", Assert.Single(megan.Messages).Text, StringComparison.Ordinal);
        var meganSends = await session.PressAsync(Megan, "Send questions", null, routing, InChannel);
        Assert.StartsWith("Only Alex Wilber", Assert.Single(meganSends.Messages).Text, StringComparison.Ordinal);
        await NothingSentAsync(session, meganSends);
        var meganDrops = await session.PressAsync(Megan, "Not now", null, routing, InChannel);
        Assert.StartsWith("Only Alex Wilber", Assert.Single(meganDrops.Messages).Text, StringComparison.Ordinal);

        var dropped = await session.PressAsync(Alex, "Not now", null, routing, InChannel);
        Assert.Contains("No questions sent.", CardText.Of(dropped.CardUpdate!), StringComparison.Ordinal);
        await NothingSentAsync(session, dropped);
    }

    [Fact]
    public async Task The_facilitator_opens_the_routing_card_from_the_progress_card_too()
    {
        await using var session = await StartSessionAsync();
        session.Roster.Members = Team;
        var opened = await session.OpenContributionsWithProgressCardAsync(Alex, "Shoe journey", "template");

        var asked = await session.PressAsync(Alex, "Ask the departments", null, opened.NewProgressCard!.Card, InChannel);

        Assert.Contains("Shoe journey · ask the departments", CardText.Of(Assert.Single(asked.Messages).Card!), StringComparison.Ordinal);
        Assert.Null(asked.CardUpdate);
    }

    [Fact]
    public async Task Departments_set_by_the_team_are_the_columns_of_the_next_routing_card()
    {
        await using var session = await AtContributionsAsync();

        var set = await session.SayAsync(Alex, "departments Marketing, Sales, sales, Stores");
        Assert.Equal("This team's departments are now Marketing, Sales and Stores. They are the choices of the next round's routing card.", Assert.Single(set.Messages).Text);
        Assert.StartsWith("This team's departments: Marketing, Sales and Stores.", Assert.Single((await session.SayAsync(Megan, "departments")).Messages).Text, StringComparison.Ordinal);
        Assert.Equal(["Marketing", "Sales", "Stores"], await session.Rounds.GetDepartmentsAsync(session.Scope.TeamKey, Ct));

        var routing = Assert.Single((await session.SayAsync(Alex, "ask", InChannel)).Messages).Card!;

        Assert.Equal(["Marketing", "Sales", "Stores"], Choices(routing, "route.s3").Choices.Select(c => c.Value));
        Assert.Equal("Sales,Stores", Choices(routing, "route.s3").Value);
        Assert.Equal("Marketing", Choices(routing, "route.s1").Value);
        Assert.Equal(string.Empty, Choices(routing, "route.s4").Value);
        var sent = await session.PressAsync(Alex, "Send questions", null, routing, InChannel);
        Assert.Equal([Megan, Isaiah], sent.Direct.Select(d => d.To.Member));
    }

    // --- the session and its people ---

    /// <summary>The facilitator in the team channel, as Teams delivers it: the service, the tenant, Bucharest time.</summary>
    public static UserTurn InChannel(UserTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn with { ServiceUrl = ServiceUrl, TenantId = Tenant, TimeZone = Bucharest };
    }

    /// <summary>A member in their 1:1 chat with the bot: its own scope (a chat is its own team), the service, the tenant.</summary>
    public static Func<UserTurn, UserTurn> InChat(string chatId) =>
        turn => turn with { Scope = new MapScope(chatId, chatId), ServiceUrl = ServiceUrl, TenantId = Tenant };

    private async Task<MappingSession> AtContributionsAsync(RosterMember[]? roster = null)
    {
        var session = await StartSessionAsync();
        session.Roster.Members = roster ?? Team;
        await session.OpenContributionsWithProgressCardAsync(Alex, "Shoe journey", "template");
        return session;
    }

    // Alex types ask and sends the routing card as it comes (with inputs changed).
    private static async Task<TurnOutcome> SendRoundAsync(MappingSession session, Dictionary<string, string>? inputs = null)
    {
        var routing = Assert.Single((await session.SayAsync(Alex, "ask", InChannel)).Messages).Card
            ?? throw new InvalidOperationException("ask showed no routing card.");
        return await session.PressAsync(Alex, "Send questions", inputs, routing, InChannel);
    }

    // Megan adds two items, Isaiah has nothing to add, Adele does not answer.
    private static async Task AnswerAsync(MappingSession session, TurnOutcome sent)
    {
        var added = await session.PressAsync(Megan, "+ Pain point › Add", new() { ["pain.stage"] = "s2", ["pain.text"] = "Too many models to compare", ["pain.evidence"] = "reported" },
            Direct(sent, Megan).Card, InChat("a:megan"));
        await session.PressAsync(Megan, "+ Goal › Add", new() { ["goal.stage"] = "s1", ["goal.text"] = "Find a first pair fast", ["goal.evidence"] = "reported" }, added.CardUpdate, InChat("a:megan"));
        await session.PressAsync(Isaiah, "Nothing to add", null, Direct(sent, Isaiah).Card, InChat("a:isaiah"));
    }

    private static async Task NothingSentAsync(MappingSession session, TurnOutcome outcome)
    {
        Assert.Empty(outcome.Direct);
        Assert.Equal(0, (await session.MapAsync()).LatestRound);
        Assert.Null(await session.Rounds.GetLatestAsync(session.Scope.TeamKey, (await session.MapAsync()).Id, Ct));
        Assert.Empty(session.Timers.Set);
    }

    // The deadline as the host handles it: the summary, posted, then the round marked closed.
    private static async Task<RoundClosing?> CloseAsync(MappingSession session, RoundKey key)
    {
        var closing = await session.Due.CloseAsync(key, Ct);
        await session.Due.ClosedAsync(key, Ct);
        return closing;
    }

    private static DirectMessage Direct(TurnOutcome sent, Person to) => sent.Direct.Single(d => d.To.Member == to);

    private static async Task<RoundKey> KeyAsync(MappingSession session)
    {
        var map = await session.MapAsync();
        return new RoundKey(session.Scope.TeamKey, map.Id, map.LatestRound);
    }

    private static async Task<RoundAsk> AskAsync(MappingSession session, RoundKey key, Person member) =>
        await session.Rounds.GetAskAsync(key.TeamKey, key.MapId, key.Number, member.Id, Ct)
        ?? throw new InvalidOperationException($"{member.Name} was not asked in round {key.Number}.");

    private static async Task<(AskState, int)> StateAsync(MappingSession session, RoundKey key, Person member)
    {
        var ask = await AskAsync(session, key, member);
        return (ask.State, ask.Added);
    }

    private static InputChoiceSet Choices(AdaptiveCard card, string id) =>
        CardButtons.AllInputs(card).OfType<InputChoiceSet>().Single(c => c.Id == id);

    private static CardSubmit With(CardSubmit submit, string key, string value) =>
        submit with { Values = new Dictionary<string, string>(submit.Values) { [key] = value } };

    // Everything a round press could change: the map's rounds and asks, its items, the timers, the team's departments.
    private static async Task<string> SnapshotAsync(MappingSession session)
    {
        var map = await session.MapAsync();
        var rounds = new List<object?>();
        for (var number = 1; number <= map.LatestRound; number++)
        {
            rounds.Add(await session.Rounds.GetAsync(session.Scope.TeamKey, map.Id, number, Ct));
            rounds.Add(await session.Rounds.ListAsksAsync(session.Scope.TeamKey, map.Id, number, Ct));
        }

        var board = await session.BoardAsync();
        var members = new List<TeamMember?>();
        foreach (var person in new[] { Alex, Megan, Adele, Isaiah, Patti })
        {
            members.Add(await session.Store.GetMemberAsync(session.Scope.TeamKey, person.Id, Ct));
        }

        return JsonSerializer.Serialize(new
        {
            map.LatestRound, map.Step, map.Status, rounds, board.Items, session.Timers.Set, members,
            departments = await session.Rounds.GetDepartmentsAsync(session.Scope.TeamKey, Ct),
        });
    }
}
