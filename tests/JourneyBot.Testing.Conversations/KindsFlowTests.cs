using JourneyBot.Conversation.Mapping;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// The method's missing pieces, as members meet them: the start-point coaching, thoughts and bright
/// spots (typed and on the form) and moments of truth, on the store of the subclass (in memory in
/// JourneyBot.Conversation.Tests, on Azurite in JourneyBot.Storage.Tests).
/// </summary>
public abstract class KindsFlowTests
{
    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    private static readonly Line[] Typed =
    [
        new("Alex", "start Shoe journey", "Step 1 of 7: Business objective"),
        new("Alex", "Help first-time runners buy their first pair online", "Step 2 of 7: Persona"),
        new("Alex", "Ana, 34, starting to run", "Step 3 of 7: Start point", "Start earlier than the obvious moment",
            "starts when someone decides to start running, not when they decide to buy shoes"),
        new("Alex", "Decides to start running", "Saved the start point", "Step 4 of 7: End point"),
        new("Alex", "First run in the new shoes", "Step 5 of 7: Stages"),
        new("Alex", "template", "Stages: 1. Awareness"),
        new("Alex", "next", "Step 6 of 7: Contributions", "+ Thought", "+ Bright spot"),
        new("Megan", "thought Purchase | Will these still fit after ten kilometres?", "Added thought", "to Purchase"),
        new("Megan", "department Sales", "you're in Sales"),
        new("Adele", "bright spot Purchase | Staff let you try the shoes on a treadmill | observed", "Added bright spot", "to Purchase"),
        new("Adele", "department Stores", "you're in Stores"),
        new("Adele", "brightspot Retention | Free returns for 30 days", "Added bright spot", "to Retention"),
        new("Megan", "touchpoint Purchase | website | Checkout page", "Added touchpoint"),
        new("Megan", "touchpoint Purchase | store | Fitting on the treadmill", "Added touchpoint"),
        new("Megan", "touchpoint Retention | email | Order confirmation", "Added touchpoint"),
        new("Megan", "touchpoint Awareness | social | Beginner running ad", "Added touchpoint"),
        new("Megan", "pain Purchase | Shipping cost shows late", "Added pain point"),
        new("Alex", "status", "Purchase: 2 touchpoints, 1 thought, 1 pain point, 1 bright spot", "Retention: 1 touchpoint, 1 bright spot"),

        // Only the facilitator marks them, only touchpoints, at most three.
        new("Megan", "truth {touchpoint:Checkout}", "Only Alex Wilber, who facilitates “Shoe journey”, can mark the moments of truth"),
        new("Alex", "truth {pain}", "Only a touchpoint can be a moment of truth", "is a pain point"),
        new("Alex", "truth", "No moments of truth yet", "The touchpoints and their ids:", "Website: Checkout page (Purchase)", "Email: Order confirmation (Retention)"),
        new("Alex", "truth {touchpoint:Checkout}", "“Checkout page” (Purchase) as a moment of truth", "Moments of truth: 1 of 3"),
        new("Alex", "truth {touchpoint:Checkout}", "“Checkout page” is already a moment of truth"),
        new("Alex", "truth {touchpoint:treadmill}", "Moments of truth: 2 of 3"),
        new("Alex", "truth {touchpoint:confirmation}", "Moments of truth: 3 of 3"),
        new("Alex", "truth {touchpoint:running ad}", "A map has at most 3 moments of truth, and this one has them", "Checkout page", "Order confirmation"),
        new("Alex", "truth off {touchpoint:treadmill}", "“Fitting on the treadmill” is no longer a moment of truth", "Moments of truth: 2 of 3"),
        new("Alex", "truth off {touchpoint:treadmill}", "is not a moment of truth, so nothing changed"),
        new("Alex", "truth {touchpoint:running ad}", "Moments of truth: 3 of 3"),
        new("Alex", "truth", "Moments of truth:", "Checkout page (Purchase)", "Beginner running ad (Awareness)"),

        new("Alex", "next", "Step 7 of 7: Review", "Purchase — 2 touchpoints, 1 thought, 1 pain point, 1 bright spot"),
        new("Alex", "publish", "is published", "Moments of truth", "★ Website: Checkout page (Purchase)", "★ Social networks: Beginner running ad (Awareness)",
            "Website: ★ ? Checkout page", "Thinking: ? Will these still fit after ten kilometres?", "Bright spots: ● Staff let you try the shoes on a treadmill",
            "Bright spots: ? Free returns for 30 days"),
    ];

    [Fact]
    public async Task Thoughts_bright_spots_and_moments_of_truth_typed_reach_the_map_card()
    {
        await using var session = await StartSessionAsync();
        session.Roster.Members = People.Roster;

        await Script.PlayAsync(session, Typed);

        var map = await session.MapAsync();
        var board = await session.BoardAsync();
        await Script.CheckAsync(session, new ExpectedMap
        {
            Status = MapStatus.Published,
            Items =
            [
                "Thought Purchase: Will these still fit after ten kilometres?",
                "BrightSpot Purchase: Staff let you try the shoes on a treadmill",
                "BrightSpot Retention: Free returns for 30 days",
                "Touchpoint Purchase: Checkout page",
                "Touchpoint Purchase: Fitting on the treadmill",
                "Touchpoint Retention: Order confirmation",
                "Touchpoint Awareness: Beginner running ad",
                "PainPoint Purchase: Shipping cost shows late",
            ],
        });
        Assert.Equal(["Checkout page", "Order confirmation", "Beginner running ad"],
            map.MomentsOfTruthIn(board).Select(t => t.Text));
        Assert.Equal(Evidence.Observed, board.Items.Single(i => i.Text.StartsWith("Staff", StringComparison.Ordinal)).Evidence);
        var kept = await session.Store.GetPublishedAsync(session.Scope.TeamKey, map.Id, 1, TestContext.Current.CancellationToken);
        Assert.Equal(map.MomentsOfTruth, kept!.Map.MomentsOfTruth);
    }

    [Fact]
    public async Task A_thought_and_a_bright_spot_are_added_on_the_form_and_a_refused_one_keeps_what_was_written()
    {
        await using var session = await StartSessionAsync();
        await session.OpenContributionsAsync(Alex, "Form kinds", "stages Browse, Buy");
        var form = session.LastCard!;

        var thought = await session.PressAsync(Megan, "+ Thought › Add", new() { ["thought.stage"] = "s2", ["thought.text"] = "Is this the right size?", ["thought.evidence"] = "reported" }, form);
        var bright = await session.PressAsync(Adele, "+ Bright spot › Add",
            new() { ["brightspot.stage"] = "s2", ["brightspot.text"] = "Reviews by runners like me", ["brightspot.evidence"] = "observed" }, form);
        var refused = await session.PressAsync(Adele, "+ Bright spot › Add", new() { ["brightspot.text"] = "Quick delivery", ["brightspot.evidence"] = "assumed" }, form);

        Assert.Contains("✔ Added thought", CardText.Of(thought.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("✔ Added bright spot", CardText.Of(bright.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("⚠", CardText.Of(refused.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("bright spot stage", CardText.Of(refused.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal("Quick delivery", refused.CardUpdate!.Body.OfType<JourneyBot.Conversation.Cards.Container>()
            .Single(c => c.Id == "entry.brightspot").Items.OfType<JourneyBot.Conversation.Cards.InputText>().Single().Value);
        var board = await session.BoardAsync();
        Assert.Equal(
            [(ItemKind.Thought, "s2", "Is this the right size?"), (ItemKind.BrightSpot, "s2", "Reviews by runners like me")],
            board.Items.OrderBy(i => i.CreatedAt).Select(i => (i.Kind, i.StageId, i.Text)));
    }

    [Fact]
    public async Task The_demo_shows_thoughts_bright_spots_and_three_moments_of_truth()
    {
        await using var session = await StartSessionAsync();

        var text = CardText.Of(await session.SayAsync(Megan, "demo"));

        Assert.Contains("★ Store: Tries the shoes on and runs on the treadmill (Evaluation)", text, StringComparison.Ordinal);
        Assert.Contains("★ App: Buys in the app with a first-run discount (Purchase)", text, StringComparison.Ordinal);
        Assert.Contains("★ Word of mouth: Asks friends who run (Consideration)", text, StringComparison.Ordinal);
        Assert.Contains("Thinking: ◐ Will these still fit after ten kilometres?", text, StringComparison.Ordinal);
        Assert.Contains("Bright spots: ● A run on the in-store treadmill settles the choice", text, StringComparison.Ordinal);
        var board = await session.BoardAsync();
        Assert.Equal(2, board.Items.Count(i => i.Kind == ItemKind.Thought));
        Assert.Equal(3, board.Items.Count(i => i.Kind == ItemKind.BrightSpot));
    }

    [Fact]
    public async Task A_moment_of_truth_whose_touchpoint_was_removed_frees_its_place()
    {
        await using var session = await StartSessionAsync();
        await session.OpenContributionsAsync(Alex, "Removed truth", "stages Browse, Buy");
        foreach (var text in new[] { "Home page", "Search", "Checkout" })
        {
            await session.SayAsync(Megan, $"touchpoint Buy | website | {text}");
            var id = ItemIds.Display((await session.BoardAsync()).Items.Single(i => i.Text == text).Id);
            await session.SayAsync(Alex, $"truth {id}");
        }

        var checkout = (await session.BoardAsync()).Items.Single(i => i.Text == "Checkout");
        await session.SayAsync(Megan, $"remove {ItemIds.Display(checkout.Id)}");
        await session.SayAsync(Megan, "touchpoint Buy | app | Pay in the app");
        var app = ItemIds.Display((await session.BoardAsync()).Items.Single(i => i.Text == "Pay in the app").Id);

        var marked = await session.SayAsync(Alex, $"truth {app}");

        Assert.Contains("Moments of truth: 3 of 3", CardText.Of(marked), StringComparison.Ordinal);
        var map = await session.MapAsync();
        Assert.Equal(["Home page", "Search", "Pay in the app"], map.MomentsOfTruthIn(await session.BoardAsync()).Select(t => t.Text));
        Assert.Equal(3, map.MomentsOfTruth.Count);
    }
}
