using JourneyBot.Conversation;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.StillTrue;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// A map kept living (<c>review every N days</c>), as data on the clock the test moves (on the store
/// of the subclass): the facilitator sets the review, each pass the schedule would run makes the
/// "Still true?" cards, and the answers pressed on them in 1:1 chats change the map's items.
/// Alex facilitates; Adele and Isaiah own actions, Isaiah muted reminders; Megan only contributed.
/// The clock starts on Wednesday 25 November 2026, 09:00 UTC.
/// </summary>
public abstract class StillTrueTests
{
    private const string ServiceUrl = RoundFlowTests.ServiceUrl;

    /// <summary>Ten items, added in this order; Megan and Adele vote for the size guide, Adele for the checkout.</summary>
    private static readonly string[] Items =
    [
        "pain Purchase | The size guide is confusing",
        "touchpoint Purchase | website | Checkout page",
        "touchpoint Awareness | social networks | Instagram ad for beginner runners",
        "goal Consideration | Find a shoe that will not hurt",
        "action Retention | Logs runs in the app",
        "pain Retention | No reminder to replace worn shoes",
        "opportunity Purchase | Virtual fitting from a foot photo | Product",
        "emotion Purchase | -1 | unsure",
        "touchpoint Advocacy | email | Review request after 30 days",
        "pain Consideration | Too many models to compare",
    ];

    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Setting_the_review_is_the_facilitators_and_said_plainly_as_data()
    {
        await using var session = await StartSessionAsync();
        await session.OpenContributionsAsync(Alex, "Shoe journey", "template");

        await Script.PlayAsync(session,
        [
            new("Megan", "review every 30 days", "Only Alex Wilber"),
            new("Alex", "review every 0 days", "Say how often, in days from 1 to 365: for example **review every 30 days**."),
            new("Alex", "review every lots of days", "Say how often, in days from 1 to 365"),
            new("Alex", "review off", "“Shoe journey” has no review to stop."),
            new("Alex", "review every 1 day", "Every day, I'll ask you and the owners of the map's actions", "The first review is on Thu 26 Nov."),
            new("Alex", "review every 30 days", "Every 30 days, I'll ask you", "whether the items of “Shoe journey” nobody confirmed for that long are still true",
                "The first review is on Fri 25 Dec.", "**review off** stops them."),
        ]);

        Assert.Equal(30, (await session.MapAsync()).Review?.EveryDays);
        await Script.PlayAsync(session, [new("Alex", "review off", "No more “Still true?” cards for “Shoe journey”.")]);
        Assert.Null((await session.MapAsync()).Review);
    }

    [Fact]
    public async Task Typed_at_a_setup_question_a_line_starting_with_review_is_the_answer()
    {
        await using var session = await StartSessionAsync();
        await session.SayAsync(Alex, "start Shoe journey");

        await session.SayAsync(Alex, "Review every 3 days how first-time runners buy");

        Assert.Equal("Review every 3 days how first-time runners buy", (await session.MapAsync()).Objective);
        Assert.Null((await session.MapAsync()).Review);
    }

    [Fact]
    public async Task The_turn_that_sets_the_review_asks_the_host_to_schedule_its_first_pass_days_later()
    {
        await using var session = await LivingMapAsync();

        var set = await session.SayAsync(Alex, "review every 30 days", RoundFlowTests.InChannel);

        var map = await session.MapAsync();
        var work = set.ReviewScheduled ?? throw new InvalidOperationException("The turn scheduled no review.");
        Assert.Equal(ReviewWork.Kind, work.Kind);
        Assert.Equal(map.Review!.Since + TimeSpan.FromDays(30), work.DueAt);
        var target = ReviewWork.Read(work);
        Assert.Equal(new ReviewTarget(session.Scope, map.Id, ServiceUrl, RoundFlowTests.Tenant, map.Review), target);
        Assert.DoesNotContain("Instagram", work.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_due_the_facilitator_and_each_owner_not_muted_get_the_items_nobody_confirmed_most_voted_first_at_most_eight()
    {
        await using var session = await LivingMapAsync();
        var target = await ReviewAsync(session, 30);
        var reviews = Reviews(session);

        session.Clock.Advance(TimeSpan.FromDays(29));
        var early = await reviews.PassAsync(target, Ct);
        session.Clock.MoveTo(target.Review.Since + TimeSpan.FromDays(30));
        var due = await reviews.PassAsync(target, Ct);

        Assert.Empty(early.Cards);
        Assert.Equal(target.Review.Since + TimeSpan.FromDays(30), early.NextAt);
        Assert.Equal([Alex, Adele], due.Cards.Select(c => c.To));
        Assert.Equal([new PersonalChat(ServiceUrl, "a:alex"), null], due.Cards.Select(c => c.Chat));
        Assert.Equal(target.Review.Since + TimeSpan.FromDays(60), due.NextAt);
        var text = CardText.Of(due.Cards[0].Card);
        Assert.StartsWith("Still true? “Shoe journey”\nNobody has confirmed these items for 30 days or more. Are they still true?", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var listed = Listed(due.Cards[0].Card);
        Assert.Equal(8, listed.Count);
        Assert.Equal(["The size guide is confusing", "Website: Checkout page", "Social networks: Instagram ad for beginner runners"], listed.Take(3));
        Assert.Contains("Pain point · Purchase · 2 votes", text, StringComparison.Ordinal);
        Assert.Contains("2 more items follow here as you answer these.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[", text.Replace("[button", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Still_true_stamps_the_item_Changed_rewords_it_Gone_removes_it_and_the_card_lists_what_is_left()
    {
        await using var session = await LivingMapAsync();
        var target = await ReviewAsync(session, 30);
        session.Clock.MoveTo(target.Review.Since + TimeSpan.FromDays(30));
        var card = (await Reviews(session).PassAsync(target, Ct)).Cards[0].Card;
        var guide = await ItemId(session, "The size guide is confusing");
        var checkout = await ItemId(session, "Checkout page");
        var instagram = await ItemId(session, "Instagram ad");

        var kept = await AnswerAsync(session, Alex, card, CardVerbs.StillTrueKept, guide);
        var changed = await AnswerAsync(session, Alex, kept.CardUpdate!, CardVerbs.StillTrueChanged, checkout, "Checkout page asks for an account first");
        var gone = await AnswerAsync(session, Alex, changed.CardUpdate!, CardVerbs.StillTrueGone, instagram);

        var board = await session.BoardAsync();
        var now = session.Clock.GetUtcNow();
        var confirmed = board.Items.Single(i => i.Text == "The size guide is confusing");
        Assert.InRange(confirmed.ConfirmedAt!.Value, now - TimeSpan.FromMinutes(1), now);
        var reworded = board.Items.Single(i => i.Id == checkout);
        Assert.Equal("Checkout page asks for an account first", reworded.Text);
        Assert.NotNull(reworded.ConfirmedAt);
        Assert.DoesNotContain(board.Items, i => i.Text == "Instagram ad for beginner runners");
        Assert.Contains("✔ Confirmed “The size guide is confusing” as still true.", CardText.Of(kept.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("✔ Changed it to “Website: Checkout page asks for an account first” and confirmed it.", CardText.Of(changed.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("✔ Removed “Social networks: Instagram ad for beginner runners” from the map.", CardText.Of(gone.CardUpdate!), StringComparison.Ordinal);

        // What is still due fills the card; what was answered is not asked again until it is due again.
        var left = Listed(gone.CardUpdate!);
        Assert.Equal(7, left.Count);
        Assert.DoesNotContain("The size guide is confusing", left);
        Assert.DoesNotContain(CardText.Of(gone.CardUpdate!), "more items follow", StringComparison.Ordinal);
        session.Clock.MoveTo(target.Review.Since + TimeSpan.FromDays(60));
        var next = Listed((await Reviews(session).PassAsync(target, Ct)).Cards[0].Card);
        Assert.DoesNotContain("The size guide is confusing", next);
        Assert.DoesNotContain("Website: Checkout page asks for an account first", next);
    }

    [Fact]
    public async Task New_words_that_are_empty_or_too_long_are_refused_on_the_card_and_nothing_changes()
    {
        await using var session = await LivingMapAsync();
        var target = await ReviewAsync(session, 30);
        session.Clock.MoveTo(target.Review.Since + TimeSpan.FromDays(30));
        var card = (await Reviews(session).PassAsync(target, Ct)).Cards[0].Card;
        var guide = await ItemId(session, "The size guide is confusing");

        var empty = await AnswerAsync(session, Alex, card, CardVerbs.StillTrueChanged, guide, "   ");
        var tooLong = await AnswerAsync(session, Alex, card, CardVerbs.StillTrueChanged, guide, new string('x', 501));

        Assert.Contains("⚠", CardText.Of(empty.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("⚠", CardText.Of(tooLong.CardUpdate!), StringComparison.Ordinal);
        var item = (await session.BoardAsync()).Items.Single(i => i.Id == guide);
        Assert.Equal(("The size guide is confusing", (DateTimeOffset?)null), (item.Text, item.ConfirmedAt));
        Assert.Contains("The size guide is confusing", Listed(tooLong.CardUpdate!));
    }

    [Fact]
    public async Task Only_the_facilitator_and_the_actions_owners_answer_and_an_owner_may()
    {
        await using var session = await LivingMapAsync();
        var target = await ReviewAsync(session, 30);
        session.Clock.MoveTo(target.Review.Since + TimeSpan.FromDays(30));
        var card = (await Reviews(session).PassAsync(target, Ct)).Cards[1].Card;
        var guide = await ItemId(session, "The size guide is confusing");

        var refused = await AnswerAsync(session, Megan, card, CardVerbs.StillTrueGone, guide);
        var owner = await AnswerAsync(session, Adele, card, CardVerbs.StillTrueKept, guide);

        Assert.Null(refused.CardUpdate);
        Assert.Equal("Only the facilitator of “Shoe journey” (Alex Wilber) and the owners of its actions answer its “Still true?” cards.", refused.ToString());
        Assert.Contains("✔ Confirmed", CardText.Of(owner.CardUpdate!), StringComparison.Ordinal);
        Assert.NotNull((await session.BoardAsync()).Items.Single(i => i.Id == guide).ConfirmedAt);
    }

    [Fact]
    public async Task Turned_off_or_set_anew_the_old_pass_does_nothing_and_the_new_one_runs()
    {
        await using var session = await LivingMapAsync();
        var first = await ReviewAsync(session, 30);
        await session.SayAsync(Alex, "review off", RoundFlowTests.InChannel);
        session.Clock.MoveTo(first.Review.Since + TimeSpan.FromDays(30));
        var off = await Reviews(session).PassAsync(first, Ct);
        var second = await ReviewAsync(session, 7);
        session.Clock.MoveTo(second.Review.Since + TimeSpan.FromDays(7));
        var old = await Reviews(session).PassAsync(first, Ct);
        var current = await Reviews(session).PassAsync(second, Ct);

        Assert.Equal(ReviewPass.Stop, off);
        Assert.Equal(ReviewPass.Stop, old);
        Assert.Equal(2, current.Cards.Count);
        Assert.Equal(second.Review.Since + TimeSpan.FromDays(14), current.NextAt);
    }

    [Fact]
    public async Task An_archived_map_stops_its_review_and_its_cards_change_nothing_nor_do_a_deleted_maps()
    {
        await using var session = await LivingMapAsync();
        var target = await ReviewAsync(session, 30);
        session.Clock.MoveTo(target.Review.Since + TimeSpan.FromDays(30));
        var card = (await Reviews(session).PassAsync(target, Ct)).Cards[0].Card;
        var guide = await ItemId(session, "The size guide is confusing");

        await SetStatusAsync(session, MapStatus.Archived);
        var archived = await Reviews(session).PassAsync(target, Ct);
        var pressed = await AnswerAsync(session, Alex, card, CardVerbs.StillTrueGone, guide);
        var mapId = target.MapId;
        Assert.True(await session.Store.DeleteMapAsync(session.Scope.TeamKey, mapId, Ct));
        var deleted = await AnswerAsync(session, Alex, card, CardVerbs.StillTrueGone, guide);

        Assert.Equal(ReviewPass.Stop, archived);
        Assert.Equal("⚠ “Shoe journey” was archived or cancelled, so its items stay as they are.", CardText.Of(pressed.CardUpdate!));
        Assert.Equal("⚠ This map is no longer stored (it was deleted), so there is nothing to confirm.", CardText.Of(deleted.CardUpdate!));
        Assert.Equal(ReviewPass.Stop, await Reviews(session).PassAsync(target, Ct));
    }

    [Fact]
    public async Task An_item_removed_meanwhile_is_said_so_and_an_answer_pressed_twice_keeps_one_change()
    {
        await using var session = await LivingMapAsync();
        var target = await ReviewAsync(session, 30);
        session.Clock.MoveTo(target.Review.Since + TimeSpan.FromDays(30));
        var cards = (await Reviews(session).PassAsync(target, Ct)).Cards;
        var guide = await ItemId(session, "The size guide is confusing");

        await AnswerAsync(session, Adele, cards[1].Card, CardVerbs.StillTrueGone, guide);
        var late = await AnswerAsync(session, Alex, cards[0].Card, CardVerbs.StillTrueKept, guide);

        Assert.Contains("✔ That item was already removed from the map.", CardText.Of(late.CardUpdate!), StringComparison.Ordinal);
        Assert.DoesNotContain((await session.BoardAsync()).Items, i => i.Id == guide);
        Assert.Equal(9, (await session.BoardAsync()).Items.Count);
    }

    // --- the map, its people and its actions ---

    // Alex's map at the contributions step with the ten items, published, two actions, members' rows.
    private async Task<MappingSession> LivingMapAsync()
    {
        var session = await StartSessionAsync();
        await session.OpenContributionsAsync(Alex, "Shoe journey", "template");
        foreach (var (line, i) in Items.Select((line, i) => (line, i)))
        {
            await session.SayAsync(i % 2 == 0 ? Megan : Adele, line);
        }

        await SetStatusAsync(session, MapStatus.Published);
        var (team, mapId) = (session.Scope.TeamKey, (await session.MapAsync()).Id);
        var board = await session.BoardAsync();
        string Id(string text) => board.Items.Single(i => i.Text.StartsWith(text, StringComparison.Ordinal)).Id;
        await session.Store.SetVotesAsync(team, mapId, Megan.Id, [Id("The size guide")], Ct);
        await session.Store.SetVotesAsync(team, mapId, Adele.Id, [Id("The size guide"), Id("Checkout page")], Ct);

        var actions = session.Services.GetRequiredService<IActionStore>();
        Assert.True(await actions.TryAddActionAsync(team, mapId, Action(Id("Virtual fitting"), "s3", "Virtual fitting from a foot photo", Adele), Ct));
        Assert.True(await actions.TryAddActionAsync(team, mapId, Action("o2", "s4", "Remind runners to replace worn shoes", Isaiah), Ct));

        await session.Store.PutMemberAsync(team, Alex.Id, TeamMember.New with { Chat = new PersonalChat(ServiceUrl, "a:alex") }, Ct);
        await session.Store.PutMemberAsync(team, Isaiah.Id, TeamMember.New with { Muted = true, Chat = new PersonalChat(ServiceUrl, "a:isaiah") }, Ct);
        return session;
    }

    // The map ends as "archive" would end it (a published map is archived once opened again; the status is what counts).
    private static async Task SetStatusAsync(MappingSession session, MapStatus status)
    {
        var stored = await session.Store.GetLatestConversationMapAsync(session.Scope, Ct);
        stored!.Map.Status = status;
        Assert.NotNull(await session.Store.TrySaveAsync(session.Scope, stored, Ct));
    }

    // Alex types "review every N days" in the channel: the target of the pass the host would schedule.
    private static async Task<ReviewTarget> ReviewAsync(MappingSession session, int days)
    {
        var set = await session.SayAsync(Alex, $"review every {days} days", RoundFlowTests.InChannel);
        return ReviewWork.Read(set.ReviewScheduled ?? throw new InvalidOperationException("No review was scheduled: " + set))
            ?? throw new InvalidOperationException("The scheduled review names no map.");
    }

    private static StillTrueReviews Reviews(MappingSession session) => session.Services.GetRequiredService<StillTrueReviews>();

    private static OwnedAction Action(string id, string stage, string text, Person owner) => new()
    {
        Id = id, StageId = stage, Text = text, Owner = owner, Due = new DateOnly(2027, 3, 1), CreatedBy = Alex, CreatedAt = SessionClock.Start,
    };

    private static async Task<string> ItemId(MappingSession session, string startsWith) =>
        (await session.BoardAsync()).Items.Single(i => i.Text.StartsWith(startsWith, StringComparison.Ordinal)).Id;

    // The words of the items a card lists, in its order.
    private static List<string> Listed(AdaptiveCard card) =>
        [.. card.Body.OfType<Container>().Where(c => c.Separator == true)
            .Select(c => string.Concat(((RichTextBlock)c.Items[0]).Inlines.Select(r => r.Text)))];

    // The person presses an answer of one item on the card in their 1:1 chat, with new words typed where given.
    private static Task<TurnOutcome> AnswerAsync(MappingSession session, Person who, AdaptiveCard card, string verb, string itemId, string? words = null)
    {
        var button = Buttons(card.Body).Single(b => b.Verb == verb && b.Data[CardVerbs.ItemKey] == itemId);
        var values = new Dictionary<string, string>(button.Data);
        if (words is not null)
        {
            values[StillTrueCard.TextInput + itemId] = words;
        }

        return session.SubmitAsync(who, new CardSubmit(verb, values), RoundFlowTests.InChat("a:" + who.Name.Split(' ')[0].ToLowerInvariant()));
    }

    private static IEnumerable<ExecuteAction> Buttons(IEnumerable<CardElement> elements) => elements.SelectMany(e => e switch
    {
        Container container => Buttons(container.Items),
        ActionSet set => set.Actions.OfType<ExecuteAction>(),
        _ => [],
    });
}
