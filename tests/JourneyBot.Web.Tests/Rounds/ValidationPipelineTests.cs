using System.Net;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Validation;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Web.Tests.Rounds.RoundPipeline;

namespace JourneyBot.Web.Tests.Rounds;

/// <summary>
/// A validation round through the real host and <c>/api/messages</c>, on the recording connector
/// (loopback) and Azurite: Alex sends it from the channel, the bot starts Megan's (Sales) and
/// Adele's (Customer Service) 1:1 chats and posts their questions there (the rounds' delivery);
/// their answers raise evidence, and their two "Not true" reach Alex's own 1:1 chat as a
/// contradiction card; the full map page shows the evidence history.
/// </summary>
/// <remarks>Agents Playground cannot show chats the bot creates, so this path is covered here, not in a browser.</remarks>
public sealed class ValidationPipelineTests : IClassFixture<ConnectorFixture>
{
    private readonly RecordingConnector _connector;

    public ValidationPipelineTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Questions_go_to_each_members_chat_answers_raise_evidence_and_a_contradiction_reaches_the_facilitators_chat()
    {
        await using var round = await StartAsync(_connector);
        await round.SayAsync(Megan, "pain Purchase | Checkout asks for an account | assumed");
        round.Clock.Advance(TimeSpan.FromSeconds(1)); // Asked oldest first: Checkout is question 0, Delivery question 1.
        await round.SayAsync(Megan, "pain Purchase | Delivery costs show late | assumed");
        await round.SettleAsync();
        var before = _connector.Requests.Count;

        await round.SayAsync(Alex, "validate");
        var setup = _connector.Requests.Skip(before).Single(r => r.Method == "POST" && ConversationOf(r) == ChannelThread && r.AllText().Contains("validation round", StringComparison.Ordinal));
        var sent = await round.PressInThreadAsync(Alex, setup.AnsweredId!, ActionData(setup, "sendValidation"),
            new Dictionary<string, string> { ["validate.departments"] = "Customer Service, Sales, Stores" });

        Assert.Contains("✔ 2 questions sent to 2 people in 2 departments.", sent, StringComparison.Ordinal);
        var megans = await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Megan) && r.AllText().Contains("is this true?", StringComparison.Ordinal));
        var adeles = await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Adele) && r.AllText().Contains("is this true?", StringComparison.Ordinal));
        Assert.DoesNotContain(_connector.Requests, r => ConversationOf(r) == ChatOf(Isaiah));
        Assert.Contains("You're in Sales, close to our customers.", megans.AllText(), StringComparison.Ordinal);

        var answered = await round.PressInChatAsync(Megan, ChatOf(Megan), megans.AnsweredId!,
            Answers(megans, new() { ["verdict.0"] = "untrue", ["verdict.1"] = "seen", ["proof.1"] = "Ticket 4411" }));
        await round.PressInChatAsync(Adele, ChatOf(Adele), adeles.AnsweredId!, Answers(adeles, new() { ["verdict.0"] = "untrue", ["proof.0"] = "Guest checkout since May" }));

        Assert.Contains("✔ Thanks, Megan Bowen: 2 answers kept.", answered, StringComparison.Ordinal);
        var contradiction = await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Alex));
        Assert.Contains("Customer Service and Sales say this is not true", contradiction.AllText(), StringComparison.Ordinal);
        Assert.Contains("Adele Vance (Customer Service): ", contradiction.AllText(), StringComparison.Ordinal);
        Assert.Contains("Guest checkout since May", contradiction.AllText(), StringComparison.Ordinal);
        var board = await round.Store.GetBoardAsync(Team, round.MapId, Cancel);
        Assert.Equal(Evidence.Observed, board.Items.Single(i => i.Text == "Delivery costs show late").Evidence);

        var removed = await round.PressInChatAsync(Alex, ChatOf(Alex), contradiction.AnsweredId!, Answers(contradiction, [], "resolveContradiction", 1));
        Assert.Contains("✔ Removed from the map.", removed, StringComparison.Ordinal);
        Assert.DoesNotContain((await round.Store.GetBoardAsync(Team, round.MapId, Cancel)).Items, i => i.Text == "Checkout asks for an account");
        Assert.Equal([EvidenceReason.SeenIt, EvidenceReason.Removed],
            (await round.App.Services.GetRequiredService<IValidationStore>().ListChangesAsync(Team, round.MapId, Cancel)).Select(c => c.Reason).Order());

        // The full page lists the history, proof and all, as it is now.
        using var client = round.App.CreateClient();
        var link = round.App.Services.GetRequiredService<MapLinks>().For(Team, round.MapId, 0)!;
        using var page = await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative), Cancel);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Delivery costs show late: assumed → observed, “Seen it” from Megan Bowen (Sales)", html, StringComparison.Ordinal);
        Assert.Contains("“Ticket 4411”", html, StringComparison.Ordinal);
        Assert.Contains("Checkout asks for an account: removed by Alex Wilber after a contradiction", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_Teams_will_not_reach_is_told_to_the_facilitator_in_their_own_chat_once_per_round()
    {
        _connector.AnswerChatsWith("29:adele", new ConnectorAnswer(403, """{"error":{"code":"MessageWritesBlocked","message":"blocked"}}"""));
        await using var round = await StartAsync(_connector);
        await round.SayAsync(Megan, "pain Purchase | Checkout asks for an account | assumed");
        await round.SettleAsync();
        var before = _connector.Requests.Count;

        await round.SayAsync(Alex, "validate");
        var setup = _connector.Requests.Skip(before).Single(r => r.Method == "POST" && ConversationOf(r) == ChannelThread && r.AllText().Contains("validation round", StringComparison.Ordinal));
        await round.PressInThreadAsync(Alex, setup.AnsweredId!, ActionData(setup, "sendValidation"),
            new Dictionary<string, string> { ["validate.departments"] = "Customer Service, Sales" });

        var told = await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Alex));
        await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Megan) && r.AllText().Contains("is this true?", StringComparison.Ordinal));
        Assert.Contains("Teams would not deliver the validation questions of “Shoe questions” to 1 member: Adele Vance (Customer Service).", told.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Megan", told.AllText(), StringComparison.Ordinal);
        Assert.Single(_connector.Requests, r => r.Method == "POST" && ConversationOf(r) == ChatOf(Alex));
    }

    [Fact]
    public async Task A_member_the_connector_failed_for_now_is_not_told_as_not_reached_only_one_Teams_refused()
    {
        // Megan's chat: Teams refuses (403). Adele's: 503 on the first try and on each of the connector's three retries.
        _connector.AnswerChatsWith("29:megan", new ConnectorAnswer(403, """{"error":{"code":"MessageWritesBlocked","message":"blocked"}}"""));
        _connector.AnswerChatsWith("29:adele", [.. Enumerable.Repeat(new ConnectorAnswer(503), 4)]);
        await using var round = await StartAsync(_connector);
        await round.SayAsync(Megan, "pain Purchase | Checkout asks for an account | assumed");
        await round.SettleAsync();
        var before = _connector.Requests.Count;

        await round.SayAsync(Alex, "validate");
        var setup = _connector.Requests.Skip(before).Single(r => r.Method == "POST" && ConversationOf(r) == ChannelThread && r.AllText().Contains("validation round", StringComparison.Ordinal));
        await round.PressInThreadAsync(Alex, setup.AnsweredId!, ActionData(setup, "sendValidation"),
            new Dictionary<string, string> { ["validate.departments"] = "Customer Service, Sales" });

        // The retries wait on the host's clock: it moves on until the facilitator is told.
        var told = await round.TickUntilAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Alex), "notice to the facilitator");
        Assert.Contains("Teams would not deliver the validation questions of “Shoe questions” to 1 member: Megan Bowen (Sales).", told.AllText(), StringComparison.Ordinal);
        // Adele is told apart: her card did not go out, and nothing sends it again.
        Assert.Contains("Teams could not take the validation questions of “Shoe questions” for 1 member just now: Adele Vance (Customer Service).",
            told.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Adele", told.AllText().Split("could not take")[0], StringComparison.Ordinal);
        Assert.Equal(4, _connector.ConversationsCreated.Count(r => r.Body.Contains("29:adele", StringComparison.Ordinal)));

        // Adele's failure is logged with ids and the status only; she stays asked, so her reminder and the summary still come.
        var failed = Assert.Single(round.App.Logs.GetSnapshot(), r => r.Id.Id == 4137);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, failed.Level);
        Assert.Contains("(503, ConnectorException)", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Adele", failed.Message, StringComparison.Ordinal);
        var asks = await round.App.Services.GetRequiredService<IValidationStore>().ListAsksAsync(Team, round.MapId, 1, Cancel);
        Assert.Contains(asks, a => a.Department == "Customer Service");
        Assert.Single(_connector.Requests, r => r.Method == "POST" && ConversationOf(r) == ChatOf(Alex));
    }

    [Fact]
    public async Task The_schedule_reminds_only_who_has_not_answered_and_at_the_deadline_sends_the_facilitator_the_summary()
    {
        // Sent Monday 09:00 UTC with the card's three days: closing Thursday 17:00, the reminder Wednesday 16:30.
        var (reminderTime, deadline) = (new DateTimeOffset(2026, 11, 25, 16, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.Zero));
        await using var round = await StartAsync(_connector);
        await round.SayAsync(Megan, "pain Purchase | Checkout asks for an account | assumed");
        await round.SettleAsync();
        var before = _connector.Requests.Count;
        await round.SayAsync(Alex, "validate");
        var setup = _connector.Requests.Skip(before).Single(r => r.Method == "POST" && ConversationOf(r) == ChannelThread && r.AllText().Contains("validation round", StringComparison.Ordinal));
        var sent = await round.PressInThreadAsync(Alex, setup.AnsweredId!, ActionData(setup, "sendValidation"),
            new Dictionary<string, string> { ["validate.departments"] = "Customer Service, Sales", ["validate.days"] = "3" });
        Assert.Contains("Answers close **Thu 17:00** (your time).", sent, StringComparison.Ordinal);
        var megans = await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Megan) && r.AllText().Contains("is this true?", StringComparison.Ordinal));
        await round.WaitForAsync(r => r.Method == "POST" && ConversationOf(r) == ChatOf(Adele) && r.AllText().Contains("is this true?", StringComparison.Ordinal));
        await round.PressInChatAsync(Megan, ChatOf(Megan), megans.AnsweredId!, Answers(megans, new() { ["verdict.0"] = "told" }));
        await round.SettleAsync();

        await round.MoveToAsync(reminderTime - TimeSpan.FromMinutes(30));
        Assert.DoesNotContain(_connector.Requests, r => r.AllText().Contains("A reminder:", StringComparison.Ordinal));
        await round.MoveToAsync(reminderTime);
        await round.PollAsync(2);
        var reminder = Assert.Single(_connector.Requests, r => r.AllText().Contains("A reminder:", StringComparison.Ordinal));
        Assert.Equal(("POST", ChatOf(Adele)), (reminder.Method, ConversationOf(reminder)));
        Assert.Contains("the validation questions about “Shoe questions” close **Thu 17:00** (your time)", reminder.AllText(), StringComparison.Ordinal);

        await round.MoveToAsync(deadline);
        await round.PollAsync(2);
        var summary = Assert.Single(_connector.Requests, r => r.Method == "POST" && ConversationOf(r) == ChatOf(Alex));
        var said = summary.AllText();
        Assert.Contains(" · validation results", said, StringComparison.Ordinal);
        Assert.Contains("Validation round 1 closed at its deadline: 1 of 2 people answered.", said, StringComparison.Ordinal);
        Assert.Contains("Seen it: 0 · Customers tell us: 1 · Not true: 0 · Don't know: 0", said, StringComparison.Ordinal);
        Assert.Contains("Did not answer: Adele Vance.", said, StringComparison.Ordinal);
        Assert.Equal(ValidationState.Closed, (await round.App.Services.GetRequiredService<IValidationStore>().GetLatestAsync(Team, round.MapId, Cancel))!.State);

        // Later polls send nothing more.
        await round.PollAsync(2);
        Assert.Single(_connector.Requests, r => r.AllText().Contains("A reminder:", StringComparison.Ordinal));
        Assert.Single(_connector.Requests, r => r.Method == "POST" && ConversationOf(r) == ChatOf(Alex));
    }

    // A button's data on a card posted to a 1:1 chat, with the inputs the member filled (the nth button with the verb; the answers' one by default).
    private static Dictionary<string, string> Answers(ConnectorRequest card, Dictionary<string, string> inputs, string verb = "validationAnswers", int nth = 0)
    {
        var data = nth == 0 ? ActionData(card, verb) : NthActionData(card, verb, nth);
        var values = data.ToDictionary(p => p.Key, p => (string)p.Value!);
        foreach (var (key, value) in inputs)
        {
            values[key] = value;
        }

        return values;
    }

    // The resolve buttons share a verb: the nth (0-based) of the card's own actions (Keep it, Remove it).
    private static System.Text.Json.Nodes.JsonObject NthActionData(ConnectorRequest card, string verb, int nth) =>
        System.Text.Json.Nodes.JsonNode.Parse(CardOf(card).GetProperty("actions").EnumerateArray()
            .Where(a => a.TryGetProperty("verb", out var v) && v.GetString() == verb).ElementAt(nth).GetProperty("data").GetRawText())!.AsObject();
}
