using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
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

        // One post even with a progress card (the first of hers on this map): a question can't be answered there.
        var question = Assert.Single(asked.Messages).Card!;
        Assert.Equal(
            $"Added pain point [{ItemIds.Display((await session.BoardAsync()).Items.Single().Id)}] to Buy: Sizes run small, by Megan Bowen.\n"
            + "Megan Bowen, how do you know this? Pick one, so the map shows how sure we are. Until you do, it shows as “not said yet”.\n"
            + "I ask this once per map here, to keep the thread quiet: your next items without **| observed**, **| reported** or **| assumed** "
            + "wait on the progress card, whose **How do we know?** asks about them together.\n"
            + "[button Observed] [button Reported] [button Assumed]",
            CardText.Of(question).Trim());
        var kept = Assert.Single((await session.BoardAsync()).Items);
        Assert.True(kept.EvidenceUnsaid);
        Assert.Contains("Pain points: ? Sizes run small", CardText.Of(MapCard.For(await session.MapAsync(), await session.BoardAsync())),
            StringComparison.Ordinal);

        var notHers = await session.PressAsync(Adele, "Observed", card: question);
        Assert.Equal("Only Megan Bowen, who added “Sizes run small”, can say how they know it.", Assert.Single(notHers.Messages).Text);
        Assert.True(Assert.Single((await session.BoardAsync()).Items).EvidenceUnsaid);

        var answered = await session.PressAsync(Megan, "Reported", card: question);

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
    public async Task In_a_thread_with_a_progress_card_each_author_is_asked_once_per_map_and_later_items_wait_on_the_progress_card()
    {
        await using var session = await StartSessionAsync();
        await session.OpenContributionsWithProgressCardAsync(Alex, "Evidence", "Browse, Buy");
        await session.SayAsync(Megan, "department Sales");
        await session.SayAsync(Adele, "department Customer Service");

        var megansFirst = await session.SayAsync(Megan, "pain Buy | Sizes run small");
        var megansLater = new[]
        {
            await session.SayAsync(Megan, "goal Buy | Pay quickly"),
            await session.SayAsync(Megan, "touchpoint Browse | website | Compares sizes"),
        };
        var adelesFirst = await session.SayAsync(Adele, "pain Browse | No size chart");

        // One question per author, saying where the next ones wait; the later items are kept without a post.
        var question = CardText.Of(Assert.Single(megansFirst.Messages).Card!);
        Assert.Contains("Megan Bowen, how do you know this?", question, StringComparison.Ordinal);
        Assert.Contains("I ask this once per map here, to keep the thread quiet", question, StringComparison.Ordinal);
        Assert.All(megansLater, outcome => Assert.Empty(outcome.Messages));
        Assert.All(megansLater, outcome => Assert.True(outcome.ProgressChanged));
        Assert.Contains("Adele Vance, how do you know this?", CardText.Of(Assert.Single(adelesFirst.Messages).Card!), StringComparison.Ordinal);
        var board = await session.BoardAsync();
        Assert.Equal(4, board.Items.Count(i => i.EvidenceUnsaid));

        // The progress card counts them and asks the presser about theirs.
        var progress = ProgressCard.For(await session.MapAsync(), board);
        Assert.Contains("**Not said yet:** 4 items don't say how we know them. Press **How do we know?** to answer for yours.",
            CardText.Of(progress), StringComparison.Ordinal);

        // Pressed as a Universal Action, the list takes the progress card's place for Megan only: no post.
        var listed = await session.SubmitAsync(Megan, MappingSession.Submission(progress, "How do we know?") with { Invoked = true }, turn => turn);

        Assert.Empty(listed.Messages);
        var list = listed.CardUpdate!;
        var listText = CardText.Of(list);
        Assert.Contains("Megan Bowen, how do you know these?", listText, StringComparison.Ordinal);
        Assert.Contains("Sizes run small\nPain point · Buy\n[button Observed] [button Reported] [button Assumed]",
            listText, StringComparison.Ordinal);
        Assert.Contains("Pay quickly", listText, StringComparison.Ordinal);
        Assert.Contains("Compares sizes", listText, StringComparison.Ordinal);
        Assert.DoesNotContain("No size chart", listText, StringComparison.Ordinal);
        Assert.EndsWith("[button Back to the progress card]", listText.Trim(), StringComparison.Ordinal);

        // Each answer gives the list back without the item said; the last one says so, and leads back.
        var afterFirst = await session.PressAsync(Megan, "Observed", card: list);
        Assert.Contains("✔ Megan Bowen says how they know pain point", CardText.Of(afterFirst.CardUpdate!), StringComparison.Ordinal);
        Assert.DoesNotContain("Sizes run small\nPain point", CardText.Of(afterFirst.CardUpdate!), StringComparison.Ordinal);
        var afterSecond = await session.PressAsync(Megan, "Assumed", card: afterFirst.CardUpdate);
        var done = await session.PressAsync(Megan, "Reported", card: afterSecond.CardUpdate);

        Assert.Contains("Megan Bowen, every item you added says how you know it.", CardText.Of(done.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("[button Back to the progress card]", CardText.Of(done.CardUpdate!), StringComparison.Ordinal);
        board = await session.BoardAsync();
        Assert.Equal([(Evidence.Observed, "Sizes run small"), (Evidence.Assumed, "Pay quickly"), (Evidence.Reported, "Compares sizes")],
            board.Items.Where(i => i.Author.Id == Megan.Id).OrderBy(i => i.CreatedAt).Select(i => (i.Evidence, i.Text)));
        Assert.Contains("**Not said yet:** 1 item doesn't say how we know it.", CardText.Of(ProgressCard.For(await session.MapAsync(), board)),
            StringComparison.Ordinal);
        var back = await session.PressAsync(Megan, "Back to the progress card", card: done.CardUpdate);
        Assert.Contains("Evidence · progress", CardText.Of(back.CardUpdate!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_one_author_types_at_once_in_a_thread_with_a_progress_card_ask_once()
    {
        await using var session = await StartSessionAsync();
        await session.OpenContributionsWithProgressCardAsync(Alex, "Evidence", "Browse, Buy");
        await session.SayAsync(Megan, "department Sales");

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 5).Select(n => session.SayAsync(Megan, $"pain Buy | Problem {n}")));

        Assert.Single(outcomes.SelectMany(o => o.Messages), m => m.Card is { } card
            && CardText.Of(card).Contains("Megan Bowen, how do you know this?", StringComparison.Ordinal));
        Assert.Equal(5, (await session.BoardAsync()).Items.Count(i => i.EvidenceUnsaid));
    }

    [Fact]
    public async Task The_progress_cards_how_do_we_know_pressed_as_a_plain_submit_posts_the_list_and_leaves_the_progress_card()
    {
        await using var session = await StartSessionAsync();
        await session.OpenContributionsWithProgressCardAsync(Alex, "Evidence", "Browse, Buy");
        await session.SayAsync(Megan, "department Sales");
        await session.SayAsync(Megan, "pain Buy | Sizes run small");
        await session.SayAsync(Megan, "goal Buy | Pay quickly");
        var progress = ProgressCard.For(await session.MapAsync(), await session.BoardAsync());

        var listed = await session.PressAsync(Megan, "How do we know?", card: progress);
        var nothing = await session.PressAsync(Adele, "How do we know?", card: progress);

        // Action.Submit's card update would replace the progress card for everyone: the list is a post of its own.
        Assert.Null(listed.CardUpdate);
        var list = Assert.Single(listed.Messages).Card!;
        Assert.DoesNotContain("Back to the progress card", CardText.Of(list), StringComparison.Ordinal);
        var answered = await session.PressAsync(Megan, "Observed", card: list);
        Assert.Contains("Pay quickly", CardText.Of(answered.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal("Adele Vance, every item you added says how you know it. Thank you!", Assert.Single(nothing.Messages).Text);
    }

    [Fact]
    public async Task Without_a_progress_card_or_in_a_1_1_chat_each_item_typed_without_evidence_is_asked_about()
    {
        await using var thread = await StartSessionAsync();
        await thread.OpenContributionsAsync(Alex, "No progress card", "Browse, Buy");
        await thread.SayAsync(Megan, "department Sales");
        await using var chat = await StartSessionAsync();
        await chat.OpenContributionsWithProgressCardAsync(Alex, "Alone", "Browse, Buy");
        await chat.SayAsync(Alex, "department Sales");
        Func<UserTurn, UserTurn> personal = turn => turn with { IsPersonalChat = true };

        var outcomes = new[]
        {
            await thread.SayAsync(Megan, "pain Buy | Sizes run small"),
            await thread.SayAsync(Megan, "goal Buy | Pay quickly"),
            await chat.SayAsync(Alex, "pain Buy | Sizes run small", personal),
            await chat.SayAsync(Alex, "goal Buy | Pay quickly", personal),
        };

        Assert.All(outcomes, outcome => Assert.Contains("how do you know this?", CardText.Of(Assert.Single(outcome.Messages).Card!), StringComparison.Ordinal));
        Assert.All(outcomes, outcome => Assert.DoesNotContain("once per map", CardText.Of(outcome.Messages[0].Card!), StringComparison.Ordinal));
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
