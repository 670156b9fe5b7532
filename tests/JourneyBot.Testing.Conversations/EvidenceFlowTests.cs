using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// An item added without saying how its author knows it is asked about, never silently "assumed":
/// typed, it is kept and its author gets three buttons; on the form, the Add is refused until they pick.
/// On the store of the subclass.
/// </summary>
public abstract class EvidenceFlowTests
{
    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    [Fact]
    public async Task A_typed_item_without_evidence_is_kept_and_its_author_answers_with_a_button()
    {
        await using var session = await StartSessionAsync();
        await session.OpenContributionsWithProgressCardAsync(Alex, "Evidence", "Browse, Buy");
        await session.SayAsync(Megan, "department Sales");

        var asked = await session.SayAsync(Megan, "pain Buy | Sizes run small");

        // One post even with a progress card: a question can't be answered there.
        var question = Assert.Single(asked.Messages).Card!;
        Assert.Equal(
            $"Added pain point [{ItemIds.Display((await session.BoardAsync()).Items.Single().Id)}] to Buy: Sizes run small, by Megan Bowen.\n"
            + "Megan Bowen, how do you know this? Pick one, so the map shows how sure we are. Until you do, it shows as “not said yet”.\n"
            + "[button Observed] [button Reported by customers or staff] [button Assumed]",
            CardText.Of(question).Trim());
        var kept = Assert.Single((await session.BoardAsync()).Items);
        Assert.True(kept.EvidenceUnsaid);
        Assert.Contains("Pain points: ? Sizes run small", CardText.Of(MapCard.For(await session.MapAsync(), await session.BoardAsync())),
            StringComparison.Ordinal);

        var notHers = await session.PressAsync(Adele, "Observed", card: question);
        Assert.Equal("Only Megan Bowen, who added “Sizes run small”, can say how they know it.", Assert.Single(notHers.Messages).Text);
        Assert.True(Assert.Single((await session.BoardAsync()).Items).EvidenceUnsaid);

        var answered = await session.PressAsync(Megan, "Reported by customers or staff", card: question);

        Assert.Equal("✔ Megan Bowen says how they know pain point “Sizes run small”: ◐ reported by customers or staff.",
            CardText.Of(answered.CardUpdate!).Trim());
        Assert.True(answered.ProgressChanged);
        var item = Assert.Single((await session.BoardAsync()).Items);
        Assert.Equal((Evidence.Reported, false), (item.Evidence, item.EvidenceUnsaid));

        // Changed her mind: the latest press holds.
        await session.PressAsync(Megan, "Observed", card: question);
        Assert.Equal(Evidence.Observed, Assert.Single((await session.BoardAsync()).Items).Evidence);
    }

    [Fact]
    public async Task A_typed_item_that_says_how_its_author_knows_is_not_asked_about()
    {
        await using var session = await StartSessionAsync();
        await session.OpenContributionsWithProgressCardAsync(Alex, "Evidence", "Browse, Buy");
        await session.SayAsync(Megan, "department Sales");

        var outcomes = new[]
        {
            await session.SayAsync(Megan, "pain Buy | Sizes run small | observed"),
            await session.SayAsync(Megan, "emotion Buy | -1 | wary | reported"),
        };

        Assert.All(outcomes, outcome => Assert.Empty(outcome.Messages));
        Assert.Equal([Evidence.Observed, Evidence.Reported], (await session.BoardAsync()).Items.OrderBy(i => i.CreatedAt).Select(i => i.Evidence));
        Assert.All((await session.BoardAsync()).Items, item => Assert.False(item.EvidenceUnsaid));
    }

    [Fact]
    public async Task The_form_has_nothing_preselected_and_refuses_an_add_without_evidence_keeping_what_was_filled_in()
    {
        await using var session = await StartSessionAsync();
        var opened = await session.OpenContributionsAsync(Alex, "Evidence", "Browse, Buy");
        var form = opened.CardUpdate ?? opened.Messages.Last(m => m.Card is not null).Card!;
        await session.SayAsync(Megan, "department Sales");

        var evidenceChoices = CardButtons.AllInputs(form).OfType<InputChoiceSet>().Where(i => i.Id!.EndsWith(".evidence", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, evidenceChoices.Count); // one per kind of item
        Assert.All(evidenceChoices, choice => Assert.Null(choice.Value));

        var refused = await session.PressAsync(Megan, "+ Pain point › Add", new() { ["pain.stage"] = "s2", ["pain.text"] = "Sizes run small" }, form);

        var note = CardText.Of(refused.CardUpdate!);
        Assert.Contains("⚠ How do we know? Pick observed, reported or assumed", note, StringComparison.Ordinal);
        var refilled = CardButtons.AllInputs(refused.CardUpdate!).ToDictionary(i => i.Id!, CardButtons.StartValue);
        Assert.Equal(("s2", "Sizes run small"), (refilled["pain.stage"], refilled["pain.text"]));
        Assert.Empty((await session.BoardAsync()).Items);

        var added = await session.PressAsync(Megan, "+ Pain point › Add",
            new() { ["pain.stage"] = "s2", ["pain.text"] = "Sizes run small", ["pain.evidence"] = "assumed" }, refused.CardUpdate);

        Assert.Contains("✔ Added pain point", CardText.Of(added.CardUpdate!), StringComparison.Ordinal);
        var item = Assert.Single((await session.BoardAsync()).Items);
        Assert.Equal((Evidence.Assumed, false), (item.Evidence, item.EvidenceUnsaid));
    }
}
