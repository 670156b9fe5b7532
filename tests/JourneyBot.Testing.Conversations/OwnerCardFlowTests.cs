using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// The owner's card of an owned action as the people in it live it, on the store of the subclass:
/// Alex facilitates "Shoe journey" in the team channel; Megan added the pain points, Isaiah the
/// opportunity "Guest checkout", which Megan owns, due Friday 11 December 2026. Megan presses the
/// card in her 1:1 chat with the bot; Adele (in the team, never wrote on the map) and Patti (not in
/// the team) come and go. The action is seeded through the store, as the <c>act</c> command stores it.
/// </summary>
public abstract class OwnerCardFlowTests
{
    private static readonly DateOnly Due = new(2026, 12, 11);

    private static readonly RosterMember[] Team =
    [
        new(Alex, "29:alex", "Marketing", null),
        new(Megan, "29:megan", "Marketing", null),
        new(Adele, "29:adele", "Customer Service", null),
        new(Isaiah, "29:isaiah", "Sales", null),
    ];

    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_owner_card_says_what_they_own_why_it_matters_when_and_how_it_is_measured_with_its_four_buttons()
    {
        await using var session = await StartSessionAsync();
        var seeded = await SeedAsync(session);

        var card = await OwnerCardAsync(session, seeded);

        var text = CardText.Of(card);
        Assert.Contains("You own this action:", text, StringComparison.Ordinal);
        Assert.Contains("Guest checkout", text, StringComparison.Ordinal);
        Assert.Contains("Map: Shoe journey", text, StringComparison.Ordinal);
        Assert.Contains("Stage: Purchase", text, StringComparison.Ordinal);
        Assert.Contains("the opportunity got 2 votes in the review; the stage's pain points:", text, StringComparison.Ordinal);
        Assert.Contains("• Checkout asks for an account (2 votes)", text, StringComparison.Ordinal);
        Assert.Contains("• Delivery costs show late (0 votes)", text, StringComparison.Ordinal);
        Assert.Contains("Due: Fri 11 Dec 2026", text, StringComparison.Ordinal);
        Assert.Contains("Measure: repeat purchase within 90 days: 18% → no target yet", text, StringComparison.Ordinal);
        Assert.Contains("Status: Open", text, StringComparison.Ordinal);
        Assert.Equal(["Done", "Blocked", "Reassign", "Update the measure"], card.Actions!.Select(a => a.Title));
        var picker = card.Body.OfType<Container>().SelectMany(c => c.Items).OfType<InputChoiceSet>().Single();
        Assert.Equal("graph.microsoft.com/users", picker.ChoicesData!.Dataset);
        Assert.Equal([Alex.Id, Isaiah.Id], picker.Choices.Select(c => c.Value));
        Assert.NotNull(card.Refresh);
    }

    [Fact]
    public async Task Once_the_team_chose_a_plan_the_owner_card_offers_Send_to_Planner_until_the_action_is_done()
    {
        await using var session = await StartSessionAsync();
        var seeded = await SeedAsync(session);
        var actions = session.Services.GetRequiredService<IActionStore>();
        await actions.PutTrackerAsync(session.Scope.TeamKey,
            new TeamTracker("planner", "plan-1", "Customer journeys", "group-1", Alex, SessionClock.Start), Ct);

        var card = await OwnerCardAsync(session, seeded);
        var done = await session.PressAsync(Megan, "Done", null, card, InChat("a:megan"));

        Assert.Equal(["Done", "Blocked", "Reassign", "Update the measure", "Send to Planner"], card.Actions!.Select(a => a.Title));
        var send = Assert.IsType<ExecuteAction>(card.Actions![^1]);
        Assert.Equal(CardVerbs.SendToPlanner, send.Verb);
        Assert.Equal(seeded.ActionId, send.Data[CardVerbs.SendActionKey]);
        Assert.DoesNotContain("Send to Planner", done.CardUpdate!.Actions!.Select(a => a.Title));
    }

    [Fact]
    public async Task Done_from_the_owner_is_kept_with_who_and_when_and_the_card_updates_in_place()
    {
        await using var session = await StartSessionAsync();
        var seeded = await SeedAsync(session);

        var done = await session.PressAsync(Megan, "Done", null, await OwnerCardAsync(session, seeded), InChat("a:megan"));

        Assert.Empty(done.Messages);
        var text = CardText.Of(done.CardUpdate!);
        Assert.Contains("✔ Marked done. Thank you!", text, StringComparison.Ordinal);
        Assert.Contains("Status: Done ✔", text, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen: marked it done", text, StringComparison.Ordinal);
        Assert.Equal(["Open again", "Reassign", "Update the measure"], done.CardUpdate!.Actions!.Select(a => a.Title));
        var stored = await ActionAsync(session, seeded);
        Assert.Equal(ActionStatus.Done, stored.Status);
        var change = Assert.Single(stored.History);
        Assert.Equal((Megan, ActionChangeKind.Done), (change.By, change.Kind));
        Assert.True(change.At > SessionClock.Start);
        Assert.Equal(new ActionsTouched(session.Scope, seeded.MapId, RoundFlowTests.ServiceUrl, RoundFlowTests.Tenant), done.ActionsTouched);
        Assert.Empty(done.OwnerNotices);
    }

    [Fact]
    public async Task Blocked_needs_a_reason_and_keeps_it_then_the_facilitator_opens_it_again()
    {
        await using var session = await StartSessionAsync();
        var seeded = await SeedAsync(session);
        var card = await OwnerCardAsync(session, seeded);

        var empty = await session.PressAsync(Megan, "Blocked › Mark blocked", new() { [OwnerCard.ReasonInput] = "  " }, card, InChat("a:megan"));
        var blocked = await session.PressAsync(Megan, "Blocked › Mark blocked", new() { [OwnerCard.ReasonInput] = "Waiting for the payments team" },
            card, InChat("a:megan"));
        var reopened = await session.PressAsync(Alex, "Open again", null, blocked.CardUpdate, InChat("a:alex"));

        Assert.Contains("⚠ The reason can't be empty.", CardText.Of(empty.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("Status: Blocked: Waiting for the payments team", CardText.Of(blocked.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("✔ Open again.", CardText.Of(reopened.CardUpdate!), StringComparison.Ordinal);
        var stored = await ActionAsync(session, seeded);
        Assert.Equal((ActionStatus.Open, null), (stored.Status, stored.BlockedReason));
        Assert.Equal(
            [(Megan, ActionChangeKind.Blocked, "Waiting for the payments team"), (Alex, ActionChangeKind.Reopened, null)],
            stored.History.Select(c => (c.By, c.Kind, c.Detail)));
    }

    [Fact]
    public async Task Update_the_measure_keeps_a_measure_without_a_target_as_no_target_yet_and_one_with_a_target()
    {
        await using var session = await StartSessionAsync();
        var seeded = await SeedAsync(session);
        var card = await OwnerCardAsync(session, seeded);

        var noTarget = await session.PressAsync(Megan, "Update the measure › Save the measure",
            new() { [OwnerCard.MeasureNameInput] = "guest orders a week", [OwnerCard.BaselineInput] = "0", [OwnerCard.TargetInput] = "" }, card, InChat("a:megan"));
        var target = await session.PressAsync(Megan, "Update the measure › Save the measure",
            new() { [OwnerCard.TargetInput] = "150" }, noTarget.CardUpdate, InChat("a:megan"));

        Assert.Contains("Measure: guest orders a week: 0 → no target yet", CardText.Of(noTarget.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("Measure: guest orders a week: 0 → 150", CardText.Of(target.CardUpdate!), StringComparison.Ordinal);
        var stored = await ActionAsync(session, seeded);
        Assert.Equal(new SuccessMeasure("guest orders a week", "0", "150"), stored.Measure);
        Assert.Equal(
            ["guest orders a week: 0 → no target yet", "guest orders a week: 0 → 150"],
            stored.History.Where(c => c.Kind == ActionChangeKind.MeasureChanged).Select(c => c.Detail));
    }

    [Fact]
    public async Task Reassign_to_a_team_member_moves_it_tells_the_new_owner_and_the_old_card_says_it_moved()
    {
        await using var session = await StartSessionAsync();
        var seeded = await SeedAsync(session);

        // Adele is in the team (on its roster) but never wrote on the map: she is found on the roster.
        var moved = await session.PressAsync(Megan, "Reassign › Reassign", new() { [OwnerCard.OwnerInput] = Adele.Id },
            await OwnerCardAsync(session, seeded), InChat("a:megan"));

        var oldCard = CardText.Of(moved.CardUpdate!);
        Assert.Contains("This action has moved to Adele Vance", oldCard, StringComparison.Ordinal);
        Assert.Null(moved.CardUpdate!.Actions);
        Assert.Equal([new OwnerNotice(session.Scope.TeamKey, seeded.MapId, seeded.ActionId, RoundFlowTests.ServiceUrl, RoundFlowTests.Tenant)],
            moved.OwnerNotices);
        var stored = await ActionAsync(session, seeded);
        Assert.Equal((Adele, "Customer Service", Megan), (stored.Owner, stored.OwnerDepartment, stored.PreviousOwner));
        Assert.Equal((Megan, ActionChangeKind.Reassigned, Adele.Name), (stored.History[^1].By, stored.History[^1].Kind, stored.History[^1].Detail));

        // Adele's card: hers now, with who owned it before.
        var hers = (await session.Services.GetRequiredService<OwnerCards>().ForOwnerAsync(moved.OwnerNotices[0], Ct))!;
        Assert.Equal(Adele, hers.Owner);
        var text = CardText.Of(hers.Card);
        Assert.Contains("You own this action:", text, StringComparison.Ordinal);
        Assert.Contains("Owned before by: Megan Bowen", text, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen: gave it to Adele Vance", text, StringComparison.Ordinal);

        // Megan's old card, pressed again, changes nothing.
        var again = await session.PressAsync(Megan, "Done", null, await OwnerCardAsync(session, seeded, Megan), InChat("a:megan"));
        Assert.Contains("This action has moved to Adele Vance", CardText.Of(again.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal(ActionStatus.Open, (await ActionAsync(session, seeded)).Status);
    }

    [Fact]
    public async Task Reassign_to_the_owner_is_a_no_op_and_to_someone_outside_the_team_is_refused()
    {
        await using var session = await StartSessionAsync();
        var seeded = await SeedAsync(session);
        var card = await OwnerCardAsync(session, seeded);

        var self = await session.PressAsync(Megan, "Reassign › Reassign", new() { [OwnerCard.OwnerInput] = Megan.Id }, card, InChat("a:megan"));
        var stranger = await session.PressAsync(Alex, "Reassign › Reassign", new() { [OwnerCard.OwnerInput] = Patti.Id }, card, InChat("a:alex"));
        var nobody = await session.PressAsync(Megan, "Reassign › Reassign", null, card, InChat("a:megan"));

        Assert.Contains("Megan Bowen owns it already, so nothing changed.", CardText.Of(self.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("⚠ The person you picked isn't a member of this team as far as I can see, so the action stays with Megan Bowen.",
            CardText.Of(stranger.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("⚠ Pick who should own it, then press **Reassign**.", CardText.Of(nobody.CardUpdate!), StringComparison.Ordinal);
        Assert.All([self, stranger, nobody], o => Assert.Empty(o.OwnerNotices));
        var stored = await ActionAsync(session, seeded);
        Assert.Equal(Megan, stored.Owner);
        Assert.Empty(stored.History);
    }

    [Fact]
    public async Task A_press_from_someone_neither_owner_nor_facilitator_is_refused_politely_and_the_card_stays()
    {
        await using var session = await StartSessionAsync();
        var seeded = await SeedAsync(session);
        var card = await OwnerCardAsync(session, seeded);

        var done = await session.PressAsync(Isaiah, "Done", null, card, InChat("a:isaiah"));
        var moved = await session.PressAsync(Isaiah, "Reassign › Reassign", new() { [OwnerCard.OwnerInput] = Isaiah.Id }, card, InChat("a:isaiah"));
        var measured = await session.PressAsync(Isaiah, "Update the measure › Save the measure", new() { [OwnerCard.MeasureNameInput] = "x" }, card,
            InChat("a:isaiah"));

        Assert.All([done, moved, measured], o =>
        {
            Assert.Null(o.CardUpdate);
            Assert.Equal("Only Megan Bowen, who owns this action, or Alex Wilber, who facilitates “Shoe journey”, can change it, so I changed nothing. "
                + "Thanks for keeping an eye on it!", Assert.Single(o.Messages).Text);
            Assert.Empty(o.OwnerNotices);
        });
        var stored = await ActionAsync(session, seeded);
        Assert.Equal((ActionStatus.Open, Megan, null), (stored.Status, stored.Owner, stored.Measure?.Target));
        Assert.Empty(stored.History);
    }

    [Fact]
    public async Task Presses_at_the_same_moment_by_the_owner_and_the_facilitator_are_all_kept_in_the_history()
    {
        await using var session = await StartSessionAsync();
        var seeded = await SeedAsync(session);
        var card = await OwnerCardAsync(session, seeded);

        var presses = Enumerable.Range(1, 8).Select(i => Task.Run(() => session.PressAsync(i % 2 == 0 ? Megan : Alex, "Update the measure › Save the measure",
            new() { [OwnerCard.MeasureNameInput] = $"measure {i}", [OwnerCard.TargetInput] = $"{i}0%" }, card, InChat("a:" + i)), Ct)).ToList();
        presses.Add(Task.Run(() => session.PressAsync(Megan, "Blocked › Mark blocked", new() { [OwnerCard.ReasonInput] = "Waiting for legal" }, card,
            InChat("a:megan")), Ct));
        var outcomes = await Task.WhenAll(presses);

        Assert.All(outcomes, o => Assert.Contains("✔", CardText.Of(o.CardUpdate!), StringComparison.Ordinal));
        var stored = await ActionAsync(session, seeded);
        Assert.Equal(9, stored.History.Count);
        Assert.Equal(
            [.. Enumerable.Range(1, 8).Select(i => $"measure {i}: 18% → {i}0%").Append("Waiting for legal").Order(StringComparer.Ordinal)],
            stored.History.Select(c => c.Detail!).Order(StringComparer.Ordinal));
        Assert.Equal(ActionStatus.Blocked, stored.Status);
    }

    [Fact]
    public async Task An_action_of_an_archived_map_stays_listed_and_its_card_is_read_only()
    {
        await using var session = await StartSessionAsync();
        var seeded = await SeedAsync(session);
        var card = await OwnerCardAsync(session, seeded);
        await session.SayAsync(Alex, "archive");
        Assert.Equal(MapStatus.Archived, (await session.Store.GetMapSummaryAsync(session.Scope.TeamKey, seeded.MapId, Ct))!.Status);

        var pressed = await session.PressAsync(Megan, "Done", null, card, InChat("a:megan"));
        var sent = await OwnerCardAsync(session, seeded);

        Assert.All([pressed.CardUpdate!, sent], c =>
        {
            Assert.Contains("⚠ “Shoe journey” is no longer being worked on (it was archived or cancelled), so this action can't be changed. "
                + "It stays listed with the map.", CardText.Of(c), StringComparison.Ordinal);
            Assert.Contains("Guest checkout", CardText.Of(c), StringComparison.Ordinal);
            Assert.Null(c.Actions);
        });
        var listed = await session.Services.GetRequiredService<IActionStore>().GetActionsAsync(session.Scope.TeamKey, seeded.MapId, Ct);
        Assert.Equal(ActionStatus.Open, Assert.Single(listed.Actions).Status);
    }

    private static Func<UserTurn, UserTurn> InChat(string chatId) => RoundFlowTests.InChat(chatId);

    // The map at review: two pain points at Purchase (one with two votes), the opportunity with two
    // votes, and the action Megan owns, with a measure that has no target yet.
    private static async Task<Seeded> SeedAsync(MappingSession session)
    {
        session.Roster.Members = Team;
        await session.OpenContributionsAsync(Alex, "Shoe journey", "Awareness, Consideration, Purchase");
        await session.SayAsync(Megan, "pain Purchase | Checkout asks for an account");
        await session.SayAsync(Megan, "pain Purchase | Delivery costs show late");
        await session.SayAsync(Isaiah, "opportunity Purchase | Guest checkout | Sales");
        var map = await session.MapAsync();
        var board = await session.BoardAsync();
        var pain = board.Items.First(i => i.Kind == ItemKind.PainPoint);
        var opportunity = board.Items.Single(i => i.Kind == ItemKind.Opportunity);
        await session.Store.SetVotesAsync(session.Scope.TeamKey, map.Id, Megan.Id, [pain.Id, opportunity.Id], Ct);
        await session.Store.SetVotesAsync(session.Scope.TeamKey, map.Id, Isaiah.Id, [pain.Id, opportunity.Id], Ct);
        var action = new OwnedAction
        {
            Id = opportunity.Id,
            StageId = opportunity.StageId,
            Text = opportunity.Text,
            Owner = Megan,
            OwnerDepartment = "Marketing",
            Due = Due,
            Measure = new SuccessMeasure("repeat purchase within 90 days", "18%", null),
            CreatedBy = Alex,
            CreatedAt = SessionClock.Start,
        };
        Assert.True(await session.Services.GetRequiredService<IActionStore>().TryAddActionAsync(session.Scope.TeamKey, map.Id, action, Ct));
        return new Seeded(map.Id, opportunity.Id);
    }

    // The card the host sends to the owner (or, made for someone else, the card they hold).
    private static async Task<AdaptiveCard> OwnerCardAsync(MappingSession session, Seeded seeded, Person? madeFor = null)
    {
        var notice = new OwnerNotice(session.Scope.TeamKey, seeded.MapId, seeded.ActionId, RoundFlowTests.ServiceUrl, RoundFlowTests.Tenant);
        var card = (await session.Services.GetRequiredService<OwnerCards>().ForOwnerAsync(notice, Ct))!.Card;
        if (madeFor is null)
        {
            return card;
        }

        // A card once sent to someone who owned it then: its buttons name them.
        return Retarget(card, madeFor.Id);
    }

    private static AdaptiveCard Retarget(AdaptiveCard card, string madeFor) => card with
    {
        Actions = [.. (card.Actions ?? []).Select(a => a is ExecuteAction e
            ? e with { Data = new Dictionary<string, string>(e.Data) { [CardVerbs.ForKey] = madeFor } }
            : a)],
    };

    private static async Task<OwnedAction> ActionAsync(MappingSession session, Seeded seeded) =>
        (await session.Services.GetRequiredService<IActionStore>().GetActionAsync(session.Scope.TeamKey, seeded.MapId, seeded.ActionId, Ct))!.Action;

    private sealed record Seeded(string MapId, string ActionId);
}
