using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// Top-voted opportunities made actions through the review card's form and by mention, on the
/// store of the subclass (in memory in JourneyBot.Conversation.Tests, on Azurite in JourneyBot.Storage.Tests).
/// The typed commands and every refusal are played as data in <see cref="Scenarios"/>.
/// </summary>
public abstract class ActionFlowTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    [Fact]
    public async Task Make_it_an_action_opens_the_form_with_the_people_picker_and_its_submit_makes_the_action_and_tells_the_owner()
    {
        await using var session = await ReviewWithVotesAsync();
        var review = session.LastCard!;
        var opportunity = await OpportunityAsync(session, "foot photo");
        Assert.Contains("The 3 top-voted opportunities:", CardText.Of(review), StringComparison.Ordinal);

        var opened = await session.PressAsync(Megan, "Make it an action", card: review);

        var form = opened.CardUpdate!;
        var owner = CardButtons.AllInputs(form).OfType<InputChoiceSet>().Single(i => i.Id == ActionInput.OwnerField);
        Assert.Equal(("Data.Query", "graph.microsoft.com/users"), (owner.ChoicesData!.Type, owner.ChoicesData.Dataset));
        Assert.Equal(Roster.Select(m => m.Person.Id).Order(), owner.Choices.Select(c => c.Value).Order());
        var due = CardButtons.AllInputs(form).OfType<InputDate>().Single();
        Assert.Equal(("2026-11-25", "2028-11-25"), (due.Min, due.Max));
        Assert.Contains("Virtual fitting from a foot photo · 2 votes", CardText.Of(form), StringComparison.Ordinal);
        Assert.Empty(opened.Messages);

        var made = await session.PressAsync(Megan, "Make it an action", new()
        {
            [ActionInput.OwnerField] = Adele.Id, [ActionInput.DepartmentField] = "Customer Service", [ActionInput.DueField] = "2026-12-18",
            [ActionInput.MeasureField] = "repeat purchase within 90 days", [ActionInput.BaselineField] = "18%",
        }, form, WithService);

        Assert.Contains("“Virtual fitting from a foot photo” is now an action: Adele Vance owns it, due 18 Dec 2026",
            CardText.Of(made), StringComparison.Ordinal);
        Assert.Contains("repeat purchase within 90 days, 18% → no target yet", CardText.Of(made), StringComparison.Ordinal);
        Assert.Contains("Action: Adele Vance owns it, due 18 Dec 2026.", CardText.Of(made.CardUpdate!), StringComparison.Ordinal);
        var map = await session.MapAsync();
        Assert.Equal(new OwnerNotice(session.Scope.TeamKey, map.Id, opportunity.Id, ServiceUrl, "tenant-1"), Assert.Single(made.OwnerNotices));
        Assert.Equal(new ActionsTouched(session.Scope, map.Id, ServiceUrl, "tenant-1"), made.ActionsTouched);
        var stored = Assert.Single((await ActionsAsync(session)).Actions);
        Assert.Equal((opportunity.Id, opportunity.StageId, Adele, "Customer Service", new DateOnly(2026, 12, 18), Megan),
            (stored.Id, stored.StageId, stored.Owner, stored.OwnerDepartment, stored.Due, stored.CreatedBy));
        Assert.Equal(new SuccessMeasure("repeat purchase within 90 days", "18%", null), stored.Measure);
    }

    [Fact]
    public async Task The_form_refuses_someone_outside_the_team_and_a_past_date_keeping_what_was_filled_in()
    {
        await using var session = await ReviewWithVotesAsync();
        var form = (await session.PressAsync(Megan, "Make it an action")).CardUpdate!;

        var stranger = await session.PressAsync(Megan, "Make it an action", new()
        {
            [ActionInput.OwnerField] = "aad-someone-from-another-company", [ActionInput.DueField] = "2026-12-18", [ActionInput.TargetField] = "25%",
        }, form);
        var past = await session.PressAsync(Megan, "Make it an action", new()
        {
            [ActionInput.OwnerField] = Adele.Id, [ActionInput.DueField] = "2026-11-01",
        }, form);

        Assert.Contains("⚠ That person isn't a member of this team", CardText.Of(stranger.CardUpdate!), StringComparison.Ordinal);
        var refilled = CardButtons.AllInputs(stranger.CardUpdate!).ToDictionary(i => i.Id!, CardButtons.StartValue);
        Assert.Equal(("2026-12-18", "25%"), (refilled[ActionInput.DueField], refilled[ActionInput.TargetField]));
        Assert.Contains("⚠ That due date has passed", CardText.Of(past.CardUpdate!), StringComparison.Ordinal);
        Assert.Empty(stranger.OwnerNotices);
        Assert.Empty((await ActionsAsync(session)).Actions);
    }

    [Fact]
    public async Task An_owner_mentioned_with_the_at_menu_is_the_member_the_mention_names_and_a_guest_is_refused()
    {
        await using var session = await ReviewWithVotesAsync();
        var id = ItemIds.Display((await OpportunityAsync(session, "foot photo")).Id);

        var guest = await session.SayAsync(Megan, $"act {id} <at>Guest User</at> by 2026-12-18",
            turn => turn with { Mentions = [new MentionedPerson("29:guest", "aad-guest", "Guest User", "<at>Guest User</at>")] });
        // The mention names Patti by her Teams id; the name typed around it does not matter.
        var patti = await session.SayAsync(Megan, $"act {id} <at>Patti F.</at> by 2026-12-18",
            turn => turn with { Mentions = [new MentionedPerson("29:aad-patti", null, "Patti F.", "<at>Patti F.</at>")] });

        Assert.Contains("Guest User isn't a member of this team", CardText.Of(guest), StringComparison.Ordinal);
        Assert.Contains("Patti Fernandez owns it", CardText.Of(patti), StringComparison.Ordinal);
        Assert.Equal(Patti, Assert.Single((await ActionsAsync(session)).Actions).Owner);
    }

    [Fact]
    public async Task A_redelivered_act_is_stored_once_answers_the_same_and_tells_the_owner_once()
    {
        await using var session = await ReviewWithVotesAsync();
        var id = ItemIds.Display((await OpportunityAsync(session, "foot photo")).Id);
        var text = $"act {id} Adele by 2026-12-18";

        var first = await session.SayAsync(Megan, text, WithService);
        var again = await session.RedeliverAsync(Megan, text, WithService);

        Assert.Equal(CardText.Of(first), CardText.Of(again));
        Assert.Single(first.OwnerNotices);
        Assert.Empty(again.OwnerNotices);
        Assert.Single((await ActionsAsync(session)).Actions);
    }

    [Fact]
    public async Task Publishing_names_only_the_top_three_ties_going_to_the_earlier_and_publishes_once_each_is_owned_or_parked()
    {
        await using var session = await ReviewWithVotesAsync();
        var refused = CardText.Of(await session.PressAsync(Alex, "Publish (facilitator)"));

        Assert.Contains("Still open (3)", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Free returns", refused, StringComparison.Ordinal);
        Assert.Equal(MapStatus.Active, (await session.MapAsync()).Status);

        foreach (var words in new[] { "foot photo", "500 km" })
        {
            await session.SayAsync(Megan, $"act {ItemIds.Display((await OpportunityAsync(session, words)).Id)} Adele by 2026-12-18");
        }

        await session.SayAsync(Alex, $"park {ItemIds.Display((await OpportunityAsync(session, "club")).Id)} next year");
        var published = await session.SayAsync(Alex, "publish");

        Assert.Contains("“Shoe journey” is published", CardText.Of(published), StringComparison.Ordinal);
        Assert.Equal(MapStatus.Published, (await session.MapAsync()).Status);
    }

    [Fact]
    public async Task The_review_card_shows_each_top_opportunity_as_its_action_parked_or_with_its_button()
    {
        await using var session = await ReviewWithVotesAsync();
        await session.SayAsync(Megan, $"act {ItemIds.Display((await OpportunityAsync(session, "foot photo")).Id)} Adele by 2026-12-18");
        await session.SayAsync(Alex, $"park {ItemIds.Display((await OpportunityAsync(session, "club")).Id)} next year");

        var card = (await session.PressAsync(Isaiah, "Vote", new() { ["votes"] = (await OpportunityAsync(session, "500 km")).Id })).CardUpdate!;

        var text = CardText.Of(card);
        Assert.Contains("Action: Adele Vance owns it, due 18 Dec 2026.", text, StringComparison.Ordinal);
        Assert.Contains("Parked: next year", text, StringComparison.Ordinal);
        var button = Assert.Single(card.Body.OfType<Container>().SelectMany(c => c.Items).OfType<ActionSet>().SelectMany(s => s.Actions).OfType<ExecuteAction>());
        Assert.Equal((await OpportunityAsync(session, "500 km")).Id, button.Data[CardVerbs.OpportunityKey]);
    }

    // Review open: four opportunities, votes 2, 2, 1, 1 (the last two tied: the earlier is top).
    private static async Task<MappingSession> StartReviewAsync(MappingSession session)
    {
        session.Roster.Members = Roster;
        await Script.PlayAsync(session, [.. Scenarios.Setup,
            new("Megan", "opportunity Purchase | Virtual fitting from a foot photo | Product"),
            new("Adele", "opportunity Retention | Reminder to replace shoes after 500 km | Marketing"),
            new("Isaiah", "opportunity Awareness | Beginner running club | Marketing"),
            new("Patti", "opportunity Purchase | Free returns on the first pair"),
            new("Alex", "touchpoint Purchase | website | Checkout page"),
            new("Alex", "next", "Step 7 of 7"),
            new("Megan", "vote {opportunity:foot photo} {opportunity:500 km}"),
            new("Adele", "vote {opportunity:foot photo} {opportunity:club}"),
            new("Isaiah", "vote {opportunity:500 km}"),
            new("Isaiah", "vote {opportunity:500 km}")]);

        // Patti votes on the review card: the card she gets back shows the top-voted opportunities.
        var free = (await session.BoardAsync()).Items.Single(i => i.Text.Contains("Free returns", StringComparison.Ordinal));
        await session.PressAsync(Patti, "Vote", new() { ["votes"] = free.Id });
        return session;
    }

    private async Task<MappingSession> ReviewWithVotesAsync() => await StartReviewAsync(await StartSessionAsync());

    private static UserTurn WithService(UserTurn turn) => turn with { ServiceUrl = ServiceUrl, TenantId = "tenant-1" };

    private static async Task<MapItem> OpportunityAsync(MappingSession session, string words) =>
        (await session.BoardAsync()).Items.Single(i => i.Kind == ItemKind.Opportunity && i.Text.Contains(words, StringComparison.Ordinal));

    private static async Task<MapActions> ActionsAsync(MappingSession session) =>
        await session.Services.GetRequiredService<IActionStore>()
            .GetActionsAsync(session.Scope.TeamKey, (await session.MapAsync()).Id, TestContext.Current.CancellationToken);
}
