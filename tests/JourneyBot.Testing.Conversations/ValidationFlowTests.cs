using JourneyBot.Conversation;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Lifecycle;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Conversation.Validation;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// The validation round as the people in it live it, on the store of the subclass (in memory in
/// JourneyBot.Conversation.Tests, on Azurite in JourneyBot.Storage.Tests): Alex facilitates "Shoe
/// journey"; Megan (Marketing) added three assumed items and one observed one, and the team voted:
/// "Delivery costs show late" twice, "Checkout asks for an account" once. Adele (Customer
/// Service), Isaiah (Sales) and Patti (Stores) answer in their 1:1 chats with the bot.
/// </summary>
public abstract partial class ValidationFlowTests
{
    private static readonly RosterMember[] Team =
    [
        new(Alex, "29:alex", "Marketing", null),
        new(Megan, "29:megan", "Marketing", null),
        new(Adele, "29:adele", "Customer Service", null),
        new(Isaiah, "29:isaiah", "Sales", null),
        new(Patti, "29:patti", "Stores", null),
    ];

    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Validate_shows_the_most_voted_assumed_items_and_Send_asks_each_member_of_the_three_departments_in_their_chat()
    {
        await using var session = await VotedAsync();

        var setup = Assert.Single((await session.SayAsync(Alex, "validate", InChannel)).Messages).Card!;
        var sent = await session.PressAsync(Alex, "Send questions", null, setup, InChannel);

        var shown = CardText.Of(setup);
        Assert.Contains("Shoe journey · validation round", shown, StringComparison.Ordinal);
        Assert.Contains("These 3 assumed items, most-voted first", shown, StringComparison.Ordinal);
        Assert.True(shown.IndexOf("Delivery costs show late", StringComparison.Ordinal) < shown.IndexOf("Checkout asks for an account", StringComparison.Ordinal));
        Assert.Contains("Pain point, Purchase, 2 votes", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Pays by card", shown, StringComparison.Ordinal);
        Assert.Equal("Customer Service, Sales, Stores", Input(setup, ValidationCards.DepartmentsInput).Value);
        Assert.Contains("Customer Service: Adele Vance", shown, StringComparison.Ordinal);

        Assert.Empty(sent.Messages);
        Assert.Contains("✔ 3 questions sent to 3 people in 3 departments.", CardText.Of(sent.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal([Adele, Isaiah, Patti], sent.Direct.Select(d => d.To.Member));
        Assert.All(sent.Direct, d => Assert.False(d.NotesAsk));
        Assert.Equal(("29:isaiah", RoundFlowTests.ServiceUrl, RoundFlowTests.Tenant), (Direct(sent, Isaiah).To.TeamsId, Direct(sent, Isaiah).ServiceUrl, Direct(sent, Isaiah).TenantId));
        var question = CardText.Of(Direct(sent, Isaiah).Card);
        Assert.Contains("Shoe journey · is this true?", question, StringComparison.Ordinal);
        Assert.Contains("You're in Sales, close to our customers. Is each of these 3 assumptions true?", question, StringComparison.Ordinal);
        Assert.Equal(["Seen it", "Customers tell us", "Not true", "Don't know"], Choices(Direct(sent, Isaiah).Card, "verdict.0").Choices.Select(c => c.Title));
        var round = await session.Services.GetRequiredService<IValidationStore>().GetLatestAsync(session.Scope.TeamKey, (await session.MapAsync()).Id, Ct);
        Assert.Equal((1, "29:alex", 3), (round!.Number, round.FacilitatorTeamsId, round.ItemIds.Count));
    }

    [Fact]
    public async Task Seen_it_and_Customers_tell_us_raise_the_evidence_with_the_proof_kept_in_the_history_and_shown_on_the_page()
    {
        await using var session = await VotedAsync();
        var sent = await SendAsync(session);

        var isaiah = await session.PressAsync(Isaiah, "Send answers",
            new() { ["verdict.0"] = "told", ["proof.0"] = "Survey Nov 2026, 31% mention it", ["verdict.1"] = "seen", ["proof.1"] = "https://tickets.example/4411" },
            Direct(sent, Isaiah).Card, InChat("a:isaiah"));
        await session.PressAsync(Adele, "Send answers", new() { ["verdict.2"] = "unknown" }, Direct(sent, Adele).Card, InChat("a:adele"));

        Assert.Contains("✔ Thanks, Isaiah Langer: 2 answers kept.", CardText.Of(isaiah.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal("seen", Choices(isaiah.CardUpdate!, "verdict.1").Value);
        var board = await session.BoardAsync();
        Assert.Equal(Evidence.Reported, Item(board, "Delivery costs show late").Evidence);
        Assert.Equal(Evidence.Observed, Item(board, "Checkout asks for an account").Evidence);
        Assert.Equal(Evidence.Assumed, Item(board, "Find a first pair fast").Evidence);
        var history = await HistoryAsync(session);
        Assert.Equal(2, history.Count);
        var seen = history.Single(c => c.Reason == EvidenceReason.SeenIt);
        Assert.Equal((Isaiah, "Sales", Evidence.Assumed, Evidence.Observed, "https://tickets.example/4411", "Checkout asks for an account", 1),
            (seen.Who, seen.Department, seen.From, seen.To, seen.Proof, seen.ItemText, seen.Round));
        var page = System.Net.WebUtility.HtmlDecode(MapPage.Html(await session.MapAsync(), board, null, history));
        Assert.Contains("Evidence history", page, StringComparison.Ordinal);
        Assert.Contains("Checkout asks for an account: assumed → observed, “Seen it” from Isaiah Langer (Sales)", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://tickets.example/4411\"", page, StringComparison.Ordinal);
        Assert.Contains("“Survey Nov 2026, 31% mention it”", page, StringComparison.Ordinal);

        // The same press delivered again keeps one change each; an answer never lowers evidence.
        await session.PressAsync(Adele, "Send answers", new() { ["verdict.1"] = "told" }, Direct(sent, Adele).Card, InChat("a:adele"));
        Assert.Equal(Evidence.Observed, Item(await session.BoardAsync(), "Checkout asks for an account").Evidence);
        Assert.Equal(2, (await HistoryAsync(session)).Count);
    }

    /// <summary>
    /// A "Still true" press whose write comes after a validation answer raised the item keeps the raise. Run by the
    /// in-memory tests only: the answer lands between the press's read and its write through the in-memory store's hook.
    /// </summary>
    protected async Task StillTrueConfirmationDuringARaiseKeepsTheRaiseAsync()
    {
        await using var session = await VotedAsync();
        var memory = Assert.IsType<InMemoryMapStore>(session.Store);
        var sent = await SendAsync(session);
        var (map, before) = (await session.MapAsync(), Item(await session.BoardAsync(), "Checkout asks for an account"));

        // Isaiah's "Seen it" lands right after the press read the board, before it writes.
        memory.AfterBoardRead = async () =>
        {
            memory.AfterBoardRead = null;
            await session.PressAsync(Isaiah, "Send answers", new() { ["verdict.1"] = "seen" }, Direct(sent, Isaiah).Card, InChat("a:isaiah"));
        };
        await session.SubmitAsync(Alex, new CardSubmit(CardVerbs.StillTrueKept,
            new Dictionary<string, string> { [CardVerbs.TeamKey] = session.Scope.TeamKey, [CardVerbs.MapKey] = map.Id, [CardVerbs.ItemKey] = before.Id }), InChat("a:alex"));

        Assert.Null(memory.AfterBoardRead);
        var item = Item(await session.BoardAsync(), "Checkout asks for an account");
        Assert.Equal(Evidence.Observed, item.Evidence);
        Assert.True(item.ConfirmedAt > (before.ConfirmedAt ?? DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task The_authors_how_do_we_know_button_pressed_after_a_validation_answer_raised_the_item_is_refused_politely()
    {
        await using var session = await StartSessionAsync();
        session.Roster.Members = Team;
        await session.OpenContributionsAsync(Alex, "Shoe journey", "template");
        var question = (await session.SayAsync(Megan, "pain Purchase | Checkout asks for an account")).Messages
            .Single(m => m.Card is not null && CardText.Of(m.Card).Contains("how do you know this?", StringComparison.Ordinal)).Card!;
        await session.SayAsync(Alex, "next");
        await session.SayAsync(Megan, $"vote {Item(await session.BoardAsync(), "Checkout asks for an account").Id}");
        var sent = await SendAsync(session);
        await session.PressAsync(Isaiah, "Send answers", new() { ["verdict.0"] = "seen" }, Direct(sent, Isaiah).Card, InChat("a:isaiah"));
        var raised = Item(await session.BoardAsync(), "Checkout asks for an account");
        Assert.Equal((Evidence.Observed, false), (raised.Evidence, raised.EvidenceUnsaid));

        var pressed = await session.PressAsync(Megan, "Assumed", card: question);

        Assert.Equal("How we know “Checkout asks for an account” was set already (observed), for example by the validation round, so I kept it.",
            Assert.Single(pressed.Messages).Text);
        Assert.Equal(Evidence.Observed, Item(await session.BoardAsync(), "Checkout asks for an account").Evidence);
    }

    [Fact]
    public async Task Two_members_raising_one_item_at_once_both_land_in_the_history_and_the_item_ends_observed()
    {
        await using var session = await VotedAsync();
        var sent = await SendAsync(session);

        await Task.WhenAll(
            session.PressAsync(Isaiah, "Send answers", new() { ["verdict.0"] = "told" }, Direct(sent, Isaiah).Card, InChat("a:isaiah")),
            session.PressAsync(Patti, "Send answers", new() { ["verdict.0"] = "seen" }, Direct(sent, Patti).Card, InChat("a:patti")));

        Assert.Equal(Evidence.Observed, Item(await session.BoardAsync(), "Delivery costs show late").Evidence);
        Assert.Contains(await HistoryAsync(session), c => c.Who == Patti && c.To == Evidence.Observed);
    }

    [Fact]
    public async Task Two_Not_true_from_different_departments_flag_one_contradiction_for_the_facilitator_who_removes_the_item()
    {
        await using var session = await VotedAsync();
        var sent = await SendAsync(session);

        var first = await session.PressAsync(Isaiah, "Send answers", new() { ["verdict.1"] = "untrue", ["proof.1"] = "Guest checkout exists since May" },
            Direct(sent, Isaiah).Card, InChat("a:isaiah"));
        var second = await session.PressAsync(Patti, "Send answers", new() { ["verdict.1"] = "untrue" }, Direct(sent, Patti).Card, InChat("a:patti"));
        var again = await session.PressAsync(Adele, "Send answers", new() { ["verdict.1"] = "untrue" }, Direct(sent, Adele).Card, InChat("a:adele"));

        Assert.Empty(first.Direct);
        Assert.Empty(again.Direct);
        var flagged = Assert.Single(second.Direct);
        Assert.Equal((Alex, "29:alex", false), (flagged.To.Member, flagged.To.TeamsId, flagged.NotesAsk));
        var card = CardText.Of(flagged.Card);
        Assert.Contains("Shoe journey · contradiction", card, StringComparison.Ordinal);
        Assert.Contains("⚠ Sales and Stores say this is not true. Keep it, change it or remove it?", card, StringComparison.Ordinal);
        Assert.Contains("Isaiah Langer (Sales): Guest checkout exists since May", card, StringComparison.Ordinal);
        Assert.Equal(["Keep it", "Change it", "Remove it"], flagged.Card.Actions!.Select(a => a.Title));

        var refused = await session.PressAsync(Megan, "Remove it", null, flagged.Card, InChat("a:megan"));
        Assert.Contains("Only Alex Wilber, who facilitates “Shoe journey”, can resolve this", Assert.Single(refused.Messages).Text, StringComparison.Ordinal);
        var removed = await session.PressAsync(Alex, "Remove it", null, flagged.Card, InChat("a:alex"));

        Assert.Contains("✔ Removed from the map.", CardText.Of(removed.CardUpdate!), StringComparison.Ordinal);
        Assert.DoesNotContain((await session.BoardAsync()).Items, i => i.Text == "Checkout asks for an account");
        var resolution = Assert.Single(await HistoryAsync(session));
        Assert.Equal((EvidenceReason.Removed, Alex, (Evidence?)null), (resolution.Reason, resolution.Who, resolution.To));
        var twice = await session.PressAsync(Alex, "Keep it", null, flagged.Card, InChat("a:alex"));
        Assert.Contains("This was resolved already", CardText.Of(twice.CardUpdate!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_true_twice_from_one_department_is_no_contradiction_and_a_changed_item_keeps_its_place()
    {
        await using var session = await VotedAsync([.. Team, new(Megan with { Id = "aad-sam", Name = "Sam Sales" }, "29:sam", "Sales", null)]);
        var sent = await SendAsync(session);

        var one = await session.PressAsync(Isaiah, "Send answers", new() { ["verdict.0"] = "untrue" }, Direct(sent, Isaiah).Card, InChat("a:isaiah"));
        var same = await session.PressAsync(ByTeamsId(sent, "29:sam"), "Send answers", new() { ["verdict.0"] = "untrue" }, ByTeamsIdCard(sent, "29:sam"), InChat("a:sam"));
        Assert.Empty(one.Direct);
        Assert.Empty(same.Direct);

        var other = await session.PressAsync(Adele, "Send answers", new() { ["verdict.0"] = "untrue" }, Direct(sent, Adele).Card, InChat("a:adele"));
        var flagged = Assert.Single(other.Direct).Card;
        var tooLong = await session.PressAsync(Alex, "Change it › Save the change", new() { [ValidationCards.ChangeInput] = new string('x', 501) }, flagged, InChat("a:alex"));
        var changed = await session.PressAsync(Alex, "Change it › Save the change", new() { [ValidationCards.ChangeInput] = "Delivery costs show only at checkout" }, flagged, InChat("a:alex"));

        Assert.Contains("⚠", CardText.Of(tooLong.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("✔ Changed to: Delivery costs show only at checkout", CardText.Of(changed.CardUpdate!), StringComparison.Ordinal);
        var item = Item(await session.BoardAsync(), "Delivery costs show only at checkout");
        Assert.Equal(("s3", ItemKind.PainPoint), (item.StageId, item.Kind));
        Assert.Equal(EvidenceReason.Changed, Assert.Single(await HistoryAsync(session)).Reason);
    }

    [Fact]
    public async Task Bad_answers_are_answered_politely_and_nothing_is_saved()
    {
        await using var session = await VotedAsync();
        var sent = await SendAsync(session);
        var card = Direct(sent, Isaiah).Card;

        var tooLong = await session.PressAsync(Isaiah, "Send answers", new() { ["verdict.1"] = "seen", ["proof.1"] = new string('p', 501) }, card, InChat("a:isaiah"));
        var none = await session.PressAsync(Isaiah, "Send answers", null, card, InChat("a:isaiah"));
        var notAsked = await session.PressAsync(Megan, "Send answers", new() { ["verdict.1"] = "seen" }, card, InChat("a:megan"));

        Assert.Contains("A quote or link is at most 500 characters; the one for “Checkout asks for an account” has 501.", CardText.Of(tooLong.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal(new string('p', 501), Input(tooLong.CardUpdate!, "proof.1").Value);
        Assert.Contains("Pick an answer for at least one item", CardText.Of(none.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal("This question card isn't one I sent you, so I changed nothing.", Assert.Single(notAsked.Messages).Text);
        Assert.All((await session.BoardAsync()).Items.Where(i => i.Text != "Pays by card"), i => Assert.Equal(Evidence.Assumed, i.Evidence));
        Assert.Empty(await HistoryAsync(session));
        var store = session.Services.GetRequiredService<IValidationStore>();
        Assert.Empty((await store.GetAskAsync(session.Scope.TeamKey, (await session.MapAsync()).Id, 1, Isaiah.Id, Ct))!.Answers);
    }

    [Fact]
    public async Task A_newer_round_closes_the_older_one_and_deleting_the_map_removes_every_validation_row()
    {
        await using var session = await VotedAsync();
        var first = await SendAsync(session);
        await session.PressAsync(Isaiah, "Send answers", new() { ["verdict.1"] = "seen" }, Direct(first, Isaiah).Card, InChat("a:isaiah"));
        var second = await SendAsync(session);

        var late = await session.PressAsync(Adele, "Send answers", new() { ["verdict.0"] = "seen" }, Direct(first, Adele).Card, InChat("a:adele"));

        Assert.Contains("This validation round has closed", CardText.Of(late.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("These 2 assumed items", CardText.Of(Assert.Single((await session.SayAsync(Alex, "validate", InChannel)).Messages).Card!), StringComparison.Ordinal);
        Assert.Equal(2, second.Direct.Count(d => d.To.Member == Isaiah || d.To.Member == Adele));

        var (team, map) = (session.Scope.TeamKey, (await session.MapAsync()).Id);
        await session.Services.GetRequiredService<MapDeletion>().DeleteAsync(team, map, Ct);
        var store = session.Services.GetRequiredService<IValidationStore>();
        Assert.Null(await store.GetLatestAsync(team, map, Ct));
        Assert.Empty(await store.ListChangesAsync(team, map, Ct));
    }

    [Fact]
    public async Task Only_the_facilitator_validates_and_a_map_with_nothing_assumed_has_nothing_to_ask()
    {
        await using var session = await StartSessionAsync();
        session.Roster.Members = Team;
        await session.OpenContributionsAsync(Alex, "Shoe journey", "template");
        await session.SayAsync(Megan, "touchpoint Purchase | web | Pays by card | observed");

        var member = await session.SayAsync(Megan, "validate", InChannel);
        var nothing = await session.SayAsync(Alex, "validate", InChannel);

        Assert.Contains("Alex Wilber", Assert.Single(member.Messages).Text, StringComparison.Ordinal);
        Assert.Equal("Every item of “Shoe journey” is already observed or reported, so there's nothing to validate. Well done!", Assert.Single(nothing.Messages).Text);
    }

    // --- the session and its people ---

    private static Func<UserTurn, UserTurn> InChat(string chatId) => RoundFlowTests.InChat(chatId);

    private static UserTurn InChannel(UserTurn turn) => RoundFlowTests.InChannel(turn);

    // The map in the review, its items added and voted on.
    private async Task<MappingSession> VotedAsync(RosterMember[]? roster = null)
    {
        var session = await StartSessionAsync();
        session.Roster.Members = roster ?? Team;
        await session.OpenContributionsAsync(Alex, "Shoe journey", "template");
        foreach (var line in new[]
        {
            "pain Purchase | Checkout asks for an account | assumed",
            "pain Purchase | Delivery costs show late | assumed",
            "goal Awareness | Find a first pair fast | assumed",
            "touchpoint Purchase | web | Pays by card | observed",
        })
        {
            await session.SayAsync(Megan, line);
        }

        await session.SayAsync(Alex, "next");
        var board = await session.BoardAsync();
        var (checkout, delivery) = (Item(board, "Checkout asks for an account").Id, Item(board, "Delivery costs show late").Id);
        await session.SayAsync(Megan, $"vote {delivery} {checkout}");
        await session.SayAsync(Isaiah, $"vote {delivery}");
        return session;
    }

    private static async Task<TurnOutcome> SendAsync(MappingSession session)
    {
        var setup = Assert.Single((await session.SayAsync(Alex, "validate", InChannel)).Messages).Card!;
        return await session.PressAsync(Alex, "Send questions", null, setup, InChannel);
    }

    private static async Task<IReadOnlyList<EvidenceChange>> HistoryAsync(MappingSession session) =>
        await session.Services.GetRequiredService<IValidationStore>().ListChangesAsync(session.Scope.TeamKey, (await session.MapAsync()).Id, Ct);

    private static MapItem Item(MapBoard board, string text) => board.Items.Single(i => i.Text == text);

    private static DirectMessage Direct(TurnOutcome sent, Person member) => sent.Direct.Single(d => d.To.Member == member);

    private static Person ByTeamsId(TurnOutcome sent, string teamsId) => sent.Direct.Single(d => d.To.TeamsId == teamsId).To.Member;

    private static AdaptiveCard ByTeamsIdCard(TurnOutcome sent, string teamsId) => sent.Direct.Single(d => d.To.TeamsId == teamsId).Card;

    private static InputChoiceSet Choices(AdaptiveCard card, string id) => Inputs<InputChoiceSet>(card).Single(c => c.Id == id);

    private static InputText Input(AdaptiveCard card, string id) => Inputs<InputText>(card).Single(c => c.Id == id);

    private static IEnumerable<T> Inputs<T>(AdaptiveCard card) where T : CardElement => Flatten(card.Body).OfType<T>();

    private static IEnumerable<CardElement> Flatten(IEnumerable<CardElement> elements) =>
        elements.SelectMany(e => e is Container c ? [e, .. Flatten(c.Items)] : new[] { e });
}
