using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Testing.Conversations;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Conversation.Tests;

/// <summary>What a session posts in its thread: one card where a card and a text would do, and no post where the progress card can say it.</summary>
public sealed class QuietThreadTests
{
    [Fact]
    public async Task With_a_progress_card_a_typed_item_is_confirmed_on_it_not_by_a_post()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.OpenContributionsWithProgressCardAsync(Alex, "Quiet", "Browse, Buy");
        await session.SayAsync(Megan, "department Sales");
        await session.SayAsync(Adele, "department Customer Service");

        var outcomes = new List<TurnOutcome>
        {
            // Each says how its author knows it: an item that does not is asked about in a post (EvidenceFlowTests).
            await session.SayAsync(Megan, "touchpoint Browse | website | Looks for the delivery cost | observed"),
            await session.SayAsync(Adele, "pain Buy | Checkout asks for an account | reported"),
            await session.SayAsync(Megan, "emotion Buy | -1 | wary | reported"),
            await session.SayAsync(Adele, "opportunity Buy | Guest checkout | Product | assumed"),
        };

        Assert.All(outcomes, outcome => Assert.Empty(outcome.Messages));
        Assert.All(outcomes, outcome => Assert.True(outcome.ProgressChanged));
        var progress = CardText.Of(ProgressCard.For(await session.MapAsync(), await session.BoardAsync()));
        Assert.Contains(
            "Latest:**\nIdea · Guest checkout (owner: Product) — Adele Vance\nFeeling · −1 🙁 wary — Megan Bowen\n"
            + "Pain point · Checkout asks for an account — Adele Vance\nAdded one by mistake? Type **undo** to take back your last item.",
            progress, StringComparison.Ordinal);
        Assert.DoesNotContain("Looks for the delivery cost", progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_progress_card_a_contribution_that_cannot_be_read_is_still_answered()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.OpenContributionsWithProgressCardAsync(Alex, "Quiet", "Browse, Buy");

        var refused = await session.SayAsync(Megan, "touchpoint Nowhere | email | x");

        Assert.StartsWith("I don't know a stage “Nowhere”", Assert.Single(refused.Messages).Text, StringComparison.Ordinal);
        Assert.Empty((await session.BoardAsync()).Items);
    }

    [Fact]
    public async Task Without_a_progress_card_a_typed_item_is_confirmed_as_before()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.OpenContributionsAsync(Alex, "No progress card", "Browse, Buy");
        await session.SayAsync(Megan, "department Sales");

        var added = await session.SayAsync(Megan, "goal Buy | Pay quickly | reported");

        Assert.Matches(@"^Added goal \[\w+\] to Buy: Pay quickly, by Megan Bowen\. \(\*\*undo\*\* takes it back\.\)$", Assert.Single(added.Messages).Text);
    }

    [Fact]
    public async Task The_start_is_one_card_with_its_intro_inside()
    {
        await using var session = await MappingSession.StartInMemoryAsync();

        var started = await session.SayAsync(Alex, "start One post");

        var message = Assert.Single(started.Messages);
        Assert.Null(message.Text);
        Assert.StartsWith("One post · Step 1 of 7: Business objective\nLet's map “One post”. Alex Wilber facilitates", CardText.Of(message.Card!),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_published_map_is_one_card_with_its_intro_inside()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        foreach (var line in new[] { "start Published", "Sell more shoes", "skip", "Decides to run", "First run", "Browse, Buy", "next" })
        {
            await session.SayAsync(Alex, line);
        }

        await session.SayAsync(Megan, "touchpoint Buy | store | Tries shoes on");
        await session.SayAsync(Alex, "next");

        var published = await session.SayAsync(Alex, "publish");

        var message = Assert.Single(published.Messages);
        Assert.Null(message.Text);
        Assert.StartsWith("“Published” is published. Here is the map for everyone to read.\nPublished\nCustomer journey map · published",
            CardText.Of(message.Card!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_vote_list_is_short_and_a_voter_learns_how_many_votes_are_left()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.OpenContributionsAsync(Alex, "Votes", "Browse, Buy");
        await session.SayAsync(Megan, "pain Buy | Checkout is slow");
        await session.SayAsync(Megan, "opportunity Buy | Guest checkout | Product");
        var review = (await session.SayAsync(Alex, "next")).Messages.Single(m => m.Card is not null).Card!;
        var pain = (await session.BoardAsync()).Items.Single(i => i.Kind == Mapping.ItemKind.PainPoint);

        var voted = await session.SayAsync(Adele, $"vote {Mapping.ItemIds.Display(pain.Id)}");

        var choices = review.Body.OfType<InputChoiceSet>().Single(c => c.Id == "votes").Choices.Select(c => c.Title);
        Assert.Equal(["Pain point · ? Checkout is slow", "Idea · ? Guest checkout"], choices);
        Assert.Equal("Adele Vance voted for 1 item. 4 of 5 votes left.", Assert.Single(voted.Messages).Text);
    }
}
