using System.Text.Json;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Testing;
using static JourneyBot.Web.Tests.Rounds.RoundPipeline;

namespace JourneyBot.Web.Tests.Rounds;

/// <summary>
/// Rounds of questions through the real host and <c>/api/messages</c>: the facilitator sends a
/// round from the channel, each member gets their questions in a 1:1 chat the bot starts, answers
/// there, is reminded once, and the deadline sums it up in the thread, all on the recording
/// connector (loopback) and Azurite, on a clock the test moves.
/// </summary>
public sealed class RoundPipelineTests : IClassFixture<ConnectorFixture>
{
    // Megan (Sales) about Purchase; Adele (Customer Service) about Retention and Advocacy; Isaiah
    // (Product) about the first four: three members, three departments.
    internal static readonly Dictionary<string, string> Routes = new()
    {
        ["route.s1"] = "Product",
        ["route.s2"] = "Product",
        ["route.s3"] = "Sales,Product",
        ["route.s4"] = "Customer Service,Product",
        ["route.s5"] = "Customer Service",
    };

    private static readonly DateTimeOffset Deadline = new(2026, 11, 26, 17, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ReminderTime = new(2026, 11, 25, 16, 30, 0, TimeSpan.Zero);

    private readonly RecordingConnector _connector;

    public RoundPipelineTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_round_to_three_members_starts_one_chat_each_posts_one_card_each_and_shows_the_grid_in_place()
    {
        await using var round = await StartAsync(_connector);
        var before = _connector.Requests.Count;

        var sent = await round.SendRoundAsync(Routes);

        // The routing card becomes "Questions sent …" in place: the invoke's answer, no post.
        Assert.Contains("Questions sent to 3 people in 3 departments, due Thu 17:00.", sent, StringComparison.Ordinal);
        var cards = await Task.WhenAll(new[] { Megan, Adele, Isaiah }.Select(m =>
            round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(m))));
        var afterCards = _connector.Requests.Count;
        var grid = await round.TickUntilAsync(round.UpdatesProgressCard, "grid update after the questions went out", afterCards);

        // One POST v3/conversations per member, in Teams' 1:1 shape: the bot, the member, the tenant.
        var created = _connector.Requests.Skip(before).Where(r => r.CreatesConversation).ToList();
        Assert.Equal(["29:adele", "29:isaiah", "29:megan"], created.Select(r => Assert.Single(r.Parameters.Members!).Id).Order(StringComparer.Ordinal));
        Assert.All(created, r =>
        {
            var parameters = r.Parameters;
            Assert.Equal((false, "28:bot-app-id", Tenant), (parameters.IsGroup, parameters.Bot?.Id, parameters.TenantId));
            Assert.Equal(Tenant, parameters.ChannelData!.Value.GetProperty("tenant").GetProperty("id").GetString());
            Assert.DoesNotContain("Bowen", r.Body, StringComparison.Ordinal);
        });

        // One question card into each new chat, asking about their own stages.
        foreach (var (member, why) in new[]
        {
            (Megan, "You're in Sales: we'd like your view on Purchase."),
            (Adele, "You're in Customer Service: we'd like your view on Retention and Advocacy."),
            (Isaiah, "You're in Product: we'd like your view on Awareness, Consideration, Purchase and Retention."),
        })
        {
            var card = Assert.Single(_connector.Requests, r => IsActivityIn(r, ChatOf(member)));
            Assert.Equal("POST", card.Method);
            Assert.Contains(why, card.AllText(), StringComparison.Ordinal);
            Assert.Contains(" · your view", card.AllText(), StringComparison.Ordinal);
            Assert.Contains(MapName, card.AllText(), StringComparison.Ordinal);
        }

        Assert.Equal(cards.Select(c => c.AnsweredId),
            await Task.WhenAll(new[] { "aad-megan", "aad-adele", "aad-isaiah" }.Select(async id =>
                (await round.Rounds.GetAskAsync(Team, round.MapId, 1, id, Cancel))!.CardActivityId)));

        // The progress card shows the grid in place: every department asked is waiting.
        var text = grid.AllText();
        Assert.Contains("Questions** · round 1 · due Thu 17:00", text, StringComparison.Ordinal);
        Assert.Contains("3. Purchase — Sales … · Product …", text, StringComparison.Ordinal);
        Assert.Contains("4. Retention — Customer Service … · Product …", text, StringComparison.Ordinal);
        Assert.Contains("5. Advocacy — Customer Service …", text, StringComparison.Ordinal);

        // In the thread: the routing card (the one post so far), the rest in place.
        var thread = _connector.Requests.Skip(before).Where(r => IsActivityIn(r, ChannelThread)).ToList();
        var posted = Assert.Single(thread, r => r.Method == "POST");
        Assert.Contains("ask the departments", posted.AllText(), StringComparison.Ordinal);
        Assert.All(thread.Where(r => r.Method == "PUT"), r => Assert.True(round.UpdatesProgressCard(r)));
    }

    [Fact]
    public async Task An_anonymous_rounds_item_reaches_no_output_of_the_team_nor_any_log_with_its_authors_name_or_id()
    {
        await using var round = await StartAsync(_connector);
        await round.SendRoundAsync(Routes, anonymous: true);
        var megansCard = await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Megan));
        await round.SettleAsync();

        // From her answer on (who was asked, by department, was on the routing card before any item existed).
        round.App.Logs.Clear();
        var before = _connector.Requests.Count;

        await round.AnswerInChatAsync(Megan, ChatOf(Megan), megansCard.AnsweredId, PainPoint(round.MapId, 1, "Nobody answers the size question"));
        await round.TickUntilAsync(() => _connector.Requests.Skip(before).Any(r => round.UpdatesProgressCard(r) && r.AllText().Contains("Someone in Sales", StringComparison.Ordinal)),
            "the grid with the anonymous item");
        await round.SettleAsync();

        var item = Assert.Single((await round.Store.GetBoardAsync(Team, round.MapId, Cancel)).Items);
        Assert.Equal("Someone in Sales", item.Author.Name);
        // Everything sent to the team's thread, and every log line at any level, from the round on.
        var thread = _connector.Requests.Skip(before).Where(r => ConversationOf(r) == ChannelThread).Select(r => r.AllText()).ToList();
        var logs = round.App.Logs.GetSnapshot().Select(r => r.Message + " " + r.Exception).ToList();
        Assert.True(thread.Count > 0, "nothing was sent to the thread");
        Assert.True(logs.Count > 0, "nothing was logged");
        Assert.All(thread.Concat(logs), text =>
        {
            Assert.DoesNotContain("Megan", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Megan.AadObjectId!, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Megan.Id!, text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_second_round_after_the_deadline_asks_those_who_did_not_answer_in_the_chats_already_started()
    {
        await using var round = await StartAsync(_connector);
        await round.SendRoundAsync(Routes);
        var megansCard = await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Megan));
        await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Adele));
        await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Isaiah));
        await round.AnswerInChatAsync(Megan, ChatOf(Megan), megansCard.AnsweredId, PainPoint(round.MapId, 1));
        await round.MoveToAsync(Deadline);
        await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChannelThread && r.AllText().Contains("(round 1) have closed", StringComparison.Ordinal));
        Assert.Equal(RoundState.Closed, (await round.Rounds.GetAsync(Team, round.MapId, 1, Cancel))!.State);
        await round.SettleAsync();
        var before = _connector.Requests.Count;

        var sent = await round.SendRoundAsync(Routes);
        await round.TickUntilAsync(() => _connector.Requests.Skip(before).Count(r => r.Method == "POST" && ConversationOf(r) is { } c && c.StartsWith("a:1on1-", StringComparison.Ordinal)) >= 2
            && _connector.Requests.Skip(before).Any(round.UpdatesProgressCard), "round 2's cards and grid");

        Assert.Contains("Questions sent to 2 people in 2 departments", sent, StringComparison.Ordinal);
        Assert.DoesNotContain(_connector.Requests.Skip(before), r => r.CreatesConversation);
        Assert.Equal(3, _connector.ConversationsCreated.Count);
        var second = _connector.Requests.Skip(before).Where(r => r.Method == "POST" && ConversationOf(r) is { } c && c.StartsWith("a:1on1-", StringComparison.Ordinal)).ToList();
        Assert.Equal([ChatOf(Adele), ChatOf(Isaiah)], second.Select(r => ConversationOf(r)!).Order(StringComparer.Ordinal));
        var adele = await round.Rounds.GetAskAsync(Team, round.MapId, 2, "aad-adele", Cancel);
        Assert.Equal((ChatOf(Adele), AskState.Asked), (adele!.ChatId, adele.State));
        Assert.Null(await round.Rounds.GetAskAsync(Team, round.MapId, 2, "aad-megan", Cancel));
    }

    [Fact]
    public async Task A_member_Teams_refuses_cannot_be_reached_with_a_hint_on_the_grid_and_one_Teams_does_not_know_has_left()
    {
        _connector.AnswerChatsWith("29:adele", new ConnectorAnswer(403, """{"error":{"code":"MessageWritesBlocked","message":"blocked"}}"""));
        _connector.AnswerChatsWith("29:isaiah", new ConnectorAnswer(404));
        await using var round = await StartAsync(_connector);
        var before = _connector.Requests.Count;

        await round.SendRoundAsync(Routes);
        await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Megan));
        var grid = await round.TickUntilAsync(r => round.UpdatesProgressCard(r) && r.AllText().Contains('⚠'), "grid with ⚠", before);

        var asks = await round.Rounds.ListAsksAsync(Team, round.MapId, 1, Cancel);
        Assert.Equal(
            [("aad-adele", AskState.CannotReach, (string?)null), ("aad-isaiah", AskState.Left, null), ("aad-megan", AskState.Asked, ChatOf(Megan))],
            asks.Select(a => (a.Member.Id, a.State, a.ChatId)).OrderBy(a => a.Item1, StringComparer.Ordinal));
        var text = grid.AllText();
        Assert.Contains("4. Retention — Customer Service ⚠", text, StringComparison.Ordinal);
        Assert.Contains("Teams would not deliver to Adele Vance: they may have blocked the bot, or the app is not allowed for them.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Isaiah", text.Split("would not deliver to")[1], StringComparison.Ordinal);
        // Product's only member left the team: Product is not heard from, which is not "– nothing to add".
        Assert.Contains("1. Awareness — Product (nobody in the team)", text, StringComparison.Ordinal);
        Assert.Contains("3. Purchase — Sales … · Product (nobody in the team)", text, StringComparison.Ordinal);
        // Nothing to write to is kept: a later round tries again.
        Assert.Null((await round.Store.GetMemberAsync(Team, "aad-adele", Cancel))!.Chat);
        Assert.Null((await round.Store.GetMemberAsync(Team, "aad-isaiah", Cancel))!.Chat);
        Assert.DoesNotContain(_connector.Requests, r => ConversationOf(r) is { } c && (c == ChatOf(Adele) || c == ChatOf(Isaiah)));
    }

    [Fact]
    public async Task An_answer_from_a_1on1_chat_lands_in_the_map_updates_the_card_in_place_and_ticks_the_grid_and_a_forged_one_changes_nothing()
    {
        await using var round = await StartAsync(_connector);
        await round.SendRoundAsync(Routes);
        var card = await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Megan));
        await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Isaiah));
        await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Adele));
        await round.TickUntilAsync(round.UpdatesProgressCard, "the grid");
        var before = _connector.Requests.Count;

        await round.AnswerInChatAsync(Megan, ChatOf(Megan), card.AnsweredId, PainPoint(round.MapId, 1));

        // In the team's map, as if Megan had typed it in the channel.
        var item = Assert.Single((await round.Store.GetBoardAsync(Team, round.MapId, Cancel)).Items);
        Assert.Equal((ItemKind.PainPoint, "s3", "The size guide hides in a footer"), (item.Kind, item.StageId, item.Text));
        Assert.Equal(("aad-megan", "Megan Bowen", "Sales"), (item.Author.Id, item.Author.Name, item.AuthorDepartment));
        // Her card, updated in place in her chat: no new message.
        var inChat = _connector.Requests.Skip(before).Where(r => IsActivityIn(r, ChatOf(Megan))).ToList();
        var update = Assert.Single(inChat);
        Assert.Equal("PUT", update.Method);
        Assert.EndsWith("/activities/" + card.AnsweredId, update.RawTarget, StringComparison.Ordinal);
        Assert.Contains("1 added: add more, or press **Done**.", update.AllText(), StringComparison.Ordinal);
        // The thread's progress card, in place: Sales has answered.
        var grid = await round.TickUntilAsync(r => round.UpdatesProgressCard(r), "the grid's tick", before);
        Assert.Contains("3. Purchase — Sales ✔ · Product …", grid.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(_connector.Requests.Skip(before), r => r.Method == "POST" && ConversationOf(r) == ChannelThread);

        // "Done": the thank-you is the same card, in place.
        var beforeDone = _connector.Requests.Count;
        var done = new Dictionary<string, string> { ["verb"] = "doneAnswering", ["mapId"] = round.MapId, ["team"] = Team, ["round"] = "1" };
        await round.AnswerInChatAsync(Megan, ChatOf(Megan), card.AnsweredId, done);
        var thanks = Assert.Single(_connector.Requests.Skip(beforeDone), r => IsActivityIn(r, ChatOf(Megan)));
        Assert.Equal("PUT", thanks.Method);
        Assert.Contains("Thanks, Megan Bowen: 1 item added to the map.", thanks.AllText(), StringComparison.Ordinal);
        await round.SettleAsync();

        // Forged or replayed presses: Alex was not asked; another map; another round; another team;
        // Megan on a stage she was not asked about.
        var board = Json(await round.Store.GetBoardAsync(Team, round.MapId, Cancel));
        var asks = Json(await round.Rounds.ListAsksAsync(Team, round.MapId, 1, Cancel));
        var map = Json((await round.Store.GetConversationMapAsync(new MapScope(Team, ChannelThread), Cancel))!.Map);
        await round.AnswerInChatAsync(Alex, ChatOf(Alex), null, PainPoint(round.MapId, 1, "Forged by someone not asked"));
        await round.AnswerInChatAsync(Adele, ChatOf(Adele), null, PainPoint("map-of-another-team", 1, "Forged for another map"));
        await round.AnswerInChatAsync(Adele, ChatOf(Adele), null, PainPoint(round.MapId, 2, "Forged for a round never sent"));
        var otherTeam = PainPoint(round.MapId, 1, "Forged for another team");
        otherTeam["team"] = "19:another-team@thread.tacv2";
        await round.AnswerInChatAsync(Adele, ChatOf(Adele), null, otherTeam);
        var notHerStage = PainPoint(round.MapId, 1, "Forged on a stage not asked");
        notHerStage["pain.stage"] = "s1";
        await round.AnswerInChatAsync(Adele, ChatOf(Adele), null, notHerStage);
        await round.SettleAsync();

        Assert.Equal(board, Json(await round.Store.GetBoardAsync(Team, round.MapId, Cancel)));
        Assert.Equal(asks, Json(await round.Rounds.ListAsksAsync(Team, round.MapId, 1, Cancel)));
        Assert.Equal(map, Json((await round.Store.GetConversationMapAsync(new MapScope(Team, ChannelThread), Cancel))!.Map));
        Assert.Null(await round.Rounds.GetAsync(Team, round.MapId, 2, Cancel));
        Assert.Null(await round.Rounds.GetAsync("19:another-team@thread.tacv2", round.MapId, 1, Cancel));
        Assert.DoesNotContain(_connector.Requests, r => r.AllText().Contains("Forged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_pressed_as_Teams_sends_it_is_answered_with_the_updated_card_and_ticks_the_grid()
    {
        await using var round = await StartAsync(_connector);
        await round.SendRoundAsync(Routes);
        var card = await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Adele));
        await round.TickUntilAsync(() => _connector.Requests.Count(r => r.Method == "POST" && ConversationOf(r) is { } c && c.StartsWith("a:1on1-", StringComparison.Ordinal)) == 3
            && _connector.Requests.Any(round.UpdatesProgressCard), "the questions and the grid");
        var before = _connector.Requests.Count;
        var pain = PainPoint(round.MapId, 1, "Returns take two weeks");
        pain["pain.stage"] = "s5";

        var answered = await round.PressInChatAsync(Adele, ChatOf(Adele), card.AnsweredId!, pain);

        // Teams puts the invoke's card in place of the pressed one: nothing is sent into her chat.
        Assert.Contains("1 added: add more, or press **Done**.", answered, StringComparison.Ordinal);
        var item = Assert.Single((await round.Store.GetBoardAsync(Team, round.MapId, Cancel)).Items);
        Assert.Equal(("aad-adele", "Customer Service", "s5"), (item.Author.Id, item.AuthorDepartment, item.StageId));
        var grid = await round.TickUntilAsync(round.UpdatesProgressCard, "the grid's tick", before);
        Assert.Contains("5. Advocacy — Customer Service ✔", grid.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(_connector.Requests.Skip(before), r => IsActivityIn(r, ChatOf(Adele)));
        Assert.DoesNotContain(_connector.Requests.Skip(before), r => r.Method == "POST" && IsActivityIn(r, ChannelThread));
    }

    [Fact]
    public async Task Through_the_schedule_one_reminder_to_Megan_none_to_Adele_who_answered_nor_to_muted_Isaiah_then_one_summary_with_the_review()
    {
        await using var round = await StartAsync(_connector);
        var before = _connector.Requests.Count;
        await round.SendRoundAsync(Routes, reviewAtDeadline: true);
        await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Megan));
        await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Isaiah));
        var adelesCard = await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Adele));
        var adelesPain = PainPoint(round.MapId, 1, "Returns take two weeks");
        adelesPain["pain.stage"] = "s4";
        await round.AnswerInChatAsync(Adele, ChatOf(Adele), adelesCard.AnsweredId, adelesPain);
        await round.AnswerInChatAsync(Adele, ChatOf(Adele), adelesCard.AnsweredId,
            new Dictionary<string, string> { ["verb"] = "doneAnswering", ["mapId"] = round.MapId, ["team"] = Team, ["round"] = "1" });
        await round.SettleAsync();

        // Half an hour before: nothing yet.
        await round.MoveToAsync(ReminderTime - TimeSpan.FromMinutes(30));
        Assert.DoesNotContain(_connector.Requests, r => r.AllText().Contains("A reminder:", StringComparison.Ordinal));

        // At the reminder's time (24 h before the deadline, within working hours): Megan only, once.
        await round.MoveToAsync(ReminderTime);
        await round.PollAsync(2);
        var reminders = _connector.Requests.Where(r => r.AllText().Contains("A reminder:", StringComparison.Ordinal)).ToList();
        var reminder = Assert.Single(reminders);
        Assert.Equal(("POST", ChatOf(Megan)), (reminder.Method, ConversationOf(reminder)));
        Assert.Contains("your view on “Shoe questions” is due **Thu 17:00** (your time)", reminder.AllText(), StringComparison.Ordinal);
        Assert.Equal(ReminderTime, (await round.Rounds.GetAskAsync(Team, round.MapId, 1, "aad-megan", Cancel))!.RemindedAt);

        // At the deadline: one summary in the thread, with the review inside it; the map moved to the review.
        await round.MoveToAsync(Deadline);
        await round.PollAsync(2);
        var summaries = _connector.Requests.Where(r => r.Method == "POST" && ConversationOf(r) == ChannelThread
            && r.AllText().Contains("(round 1) have closed", StringComparison.Ordinal)).ToList();
        var summary = Assert.Single(summaries);
        var said = summary.AllText();
        Assert.Contains("Questions for “Shoe questions” (round 1) have closed.", said, StringComparison.Ordinal);
        Assert.Contains("**Customer Service**: answered: Adele Vance (1 item)", said, StringComparison.Ordinal);
        Assert.Contains("**Sales**: did not answer: Megan Bowen", said, StringComparison.Ordinal);
        Assert.Contains("**Product**: did not answer: Isaiah Langer", said, StringComparison.Ordinal);
        Assert.Contains("As chosen, the session moves to the review now.", said, StringComparison.Ordinal);
        Assert.Contains("Step 7 of 7: Review and vote", said, StringComparison.Ordinal);
        Assert.Equal(MapStep.Review, (await round.Store.GetConversationMapAsync(new MapScope(Team, ChannelThread), Cancel))!.Map.Step);
        Assert.Equal(RoundState.Closed, (await round.Rounds.GetAsync(Team, round.MapId, 1, Cancel))!.State);
        await round.TickUntilAsync(r => round.UpdatesProgressCard(r) && r.AllText().Contains("round 1 · closed", StringComparison.Ordinal), "the closed grid", before);
        await round.SettleAsync();

        // The figures: what the round cost the thread and each member.
        var round1 = _connector.Requests.Skip(before).ToList();
        var threadPosts = round1.Where(r => r.Method == "POST" && IsActivityIn(r, ChannelThread)).ToList();
        var threadUpdates = round1.Where(r => r.Method == "PUT" && IsActivityIn(r, ChannelThread)).ToList();
        TestContext.Current.TestOutputHelper!.WriteLine(
            $"round figures: thread posts {threadPosts.Count}, thread updates in place {threadUpdates.Count}; " + string.Join("; ",
                new[] { Megan, Adele, Isaiah }.Select(m => $"{m.Name}: {round1.Count(r => r.Method == "POST" && IsActivityIn(r, ChatOf(m)))} messages, "
                    + $"{round1.Count(r => r.Method == "PUT" && IsActivityIn(r, ChatOf(m)))} updates in place")));
        // The routing card (asked for by the facilitator) and the summary; the sent card is the routing card in place.
        Assert.Equal(2, threadPosts.Count);
        Assert.All(threadUpdates, r => Assert.True(round.UpdatesProgressCard(r)));
        Assert.Equal(2, round1.Count(r => r.Method == "POST" && IsActivityIn(r, ChatOf(Megan))));
        Assert.Equal(1, round1.Count(r => r.Method == "POST" && IsActivityIn(r, ChatOf(Adele))));
        Assert.Equal(1, round1.Count(r => r.Method == "POST" && IsActivityIn(r, ChatOf(Isaiah))));
    }

    [Fact]
    public async Task A_reminder_comes_in_the_members_own_working_hours_and_not_to_one_who_muted_in_their_1on1_chat()
    {
        await using var round = await StartAsync(_connector, isaiahMutesInThread: false, megansZone: "Asia/Tokyo");
        await round.SendRoundAsync(Routes);
        foreach (var member in new[] { Megan, Adele, Isaiah })
        {
            await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(member));
        }

        await round.SayInChatAsync(Isaiah, "mute");
        await round.SettleAsync();

        // Megan's client says Tokyo: 24 h before Friday 02:00 there is the small hours, so her
        // reminder moves back to Wednesday 16:30 Tokyo time (07:30 UTC), the end of her working day.
        var megansTime = new DateTimeOffset(2026, 11, 25, 7, 30, 0, TimeSpan.Zero);
        Assert.Equal(megansTime, (await round.Rounds.GetAskAsync(Team, round.MapId, 1, "aad-megan", Cancel))!.ReminderAt);
        await round.MoveToAsync(megansTime);
        var megans = Assert.Single(_connector.Requests, r => r.AllText().Contains("A reminder:", StringComparison.Ordinal));
        Assert.Equal(ChatOf(Megan), ConversationOf(megans));
        Assert.Contains("is due **Fri 02:00** (your time)", megans.AllText(), StringComparison.Ordinal);

        await round.MoveToAsync(ReminderTime);
        await round.PollAsync(2);
        var reminded = _connector.Requests.Where(r => r.AllText().Contains("A reminder:", StringComparison.Ordinal)).Select(r => ConversationOf(r)!).ToList();
        Assert.Equal([ChatOf(Adele), ChatOf(Megan)], reminded.Order(StringComparer.Ordinal));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
