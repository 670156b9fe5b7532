using JourneyBot.Conversation.Cards;
using JourneyBot.Testing.Conversations;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Conversation.Tests;

/// <summary>The department question: asked once, and answered where it was asked.</summary>
public sealed class DepartmentCardTests
{
    [Fact]
    public async Task Answered_on_its_card_the_question_becomes_its_answer_in_place_with_no_new_post()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.OpenContributionsAsync(Alex, "Departments", "Browse, Buy");

        var added = await session.SayAsync(Megan, "touchpoint Buy | website | Pays by card | observed");
        var question = added.Messages.Single(m => m.Card is not null).Card!;

        var answered = await session.PressAsync(Megan, "Save", new() { ["department"] = "Sales" }, question);

        Assert.Empty(answered.Messages);
        var card = Assert.IsType<AdaptiveCard>(answered.CardUpdate);
        var text = CardText.Of(card);
        Assert.Contains("✔ Sales", text, StringComparison.Ordinal);
        Assert.Contains("you're in Sales", text, StringComparison.Ordinal);
        Assert.Empty(card.Body.OfType<InputText>());
        Assert.Empty(card.Actions ?? []);
    }

    [Fact]
    public async Task Typed_the_answer_is_a_message()
    {
        await using var session = await MappingSession.StartInMemoryAsync();

        var typed = await session.SayAsync(Megan, "department Sales");

        Assert.Null(typed.CardUpdate);
        Assert.Contains("you're in Sales", Assert.Single(typed.Messages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_that_already_says_the_department_is_not_followed_by_it_again()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.OpenContributionsAsync(Alex, "Names", "Browse, Buy");

        var named = Megan with { Name = "Megan Bowen (Sales)" };
        await session.SayAsync(named, "department Sales");
        await session.SayAsync(named, "touchpoint Buy | website | Pays by card");
        await session.SayAsync(Adele, "department Customer Service");
        await session.SayAsync(Adele, "pain Buy | Shipping cost shows late");

        var text = CardText.Of(ProgressCard.For(await session.MapAsync(), await session.BoardAsync()));
        Assert.Contains("Megan Bowen (Sales) 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(Sales) (Sales)", text, StringComparison.Ordinal);
        Assert.Contains("Adele Vance (Customer Service) 1", text, StringComparison.Ordinal);
    }
}
