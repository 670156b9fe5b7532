using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Web.Tests.Rounds.RoundPipeline;

namespace JourneyBot.Web.Tests.StillTrue;

/// <summary>
/// A map's "Still true?" review through the real host: the facilitator types <c>review every 7 days</c>
/// in the thread, the host puts the first pass on the durable schedule, its runner does it on the
/// clock the test moves, the cards land in the 1:1 chats of the facilitator and the action's owner
/// (started by the bot), and their presses there change the map's items in storage (Azurite).
/// </summary>
/// <remarks>
/// Agents Playground shows only the current user's own chat, not the 1:1 chats the bot starts, so
/// this path is covered here rather than end to end. The clock starts on Monday 23 November 2026, 09:00 UTC.
/// </remarks>
public sealed class ReviewPipelineTests : IClassFixture<ConnectorFixture>
{
    private readonly RecordingConnector _connector;

    public ReviewPipelineTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_week_on_the_facilitator_and_the_owner_get_the_card_in_their_1on1_chats_and_their_answers_change_the_map()
    {
        await using var pipeline = await StartAsync(_connector);
        await pipeline.SayAsync(Megan, "pain Purchase | The size guide is confusing");
        await pipeline.SayAsync(Adele, "touchpoint Purchase | website | Checkout page");
        var actions = pipeline.App.Services.GetRequiredService<IActionStore>();
        Assert.True(await actions.TryAddActionAsync(Team, pipeline.MapId, new OwnedAction
        {
            Id = "o1", StageId = "s3", Text = "Size guide on every product page", Owner = new Person(Adele.AadObjectId!, Adele.Name!),
            Due = new DateOnly(2027, 1, 15), CreatedBy = new Person(Alex.AadObjectId!, Alex.Name!), CreatedAt = Start,
        }, Cancel));
        await pipeline.SettleAsync();
        var before = _connector.Requests.Count;

        await pipeline.SayAsync(Alex, "review every 7 days");
        var said = await pipeline.WaitForAsync(r => IsActivityIn(r, ChannelThread) && r.AllText().Contains("Every 7 days", StringComparison.Ordinal));
        await pipeline.MoveToAsync(Start + TimeSpan.FromDays(6));
        var earlyCards = _connector.Requests.Skip(before).Count(r => IsActivityIn(r, ChatOf(Alex)) || IsActivityIn(r, ChatOf(Adele)));
        await pipeline.MoveToAsync(Start + TimeSpan.FromDays(7) + TimeSpan.FromMinutes(5));
        var due = _connector.Requests.Skip(before).ToList();

        Assert.Contains("The first review is on Mon 30 Nov.", said.AllText(), StringComparison.Ordinal);
        Assert.Equal(0, earlyCards);
        Assert.Equal(["29:alex", "29:adele"], due.Where(r => r.CreatesConversation).Select(r => Assert.Single(r.Parameters.Members!).Id));
        var alexCard = Assert.Single(due, r => IsActivityIn(r, ChatOf(Alex)));
        var adeleCard = Assert.Single(due, r => IsActivityIn(r, ChatOf(Adele)));
        Assert.Contains("Still true? “Shoe questions”", alexCard.AllText(), StringComparison.Ordinal);
        Assert.Contains("The size guide is confusing", alexCard.AllText(), StringComparison.Ordinal);
        Assert.Contains("Checkout page", adeleCard.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain(due, r => IsActivityIn(r, ChatOf(Isaiah)) || IsActivityIn(r, ChatOf(Megan)));

        // Alex confirms the size guide, Adele says the checkout page is gone; Megan, who owns no action, may not answer.
        var items = (await pipeline.Store.GetBoardAsync(Team, pipeline.MapId, Cancel)).Items;
        var (guide, checkout) = (items.Single(i => i.Kind == ItemKind.PainPoint).Id, items.Single(i => i.Kind == ItemKind.Touchpoint).Id);
        var kept = await pipeline.PressInChatAsync(Alex, ChatOf(Alex), alexCard.AnsweredId!, Press(alexCard, "stillTrue", guide));
        var gone = await pipeline.PressInChatAsync(Adele, ChatOf(Adele), adeleCard.AnsweredId!, Press(adeleCard, "stillTrueGone", checkout));
        var refused = await pipeline.PressInChatAsync(Megan, ChatOf(Megan), adeleCard.AnsweredId!, Press(adeleCard, "stillTrue", guide));

        Assert.Contains("Confirmed “The size guide is confusing” as still true.", kept, StringComparison.Ordinal);
        Assert.Contains("Removed “Website: Checkout page” from the map.", gone, StringComparison.Ordinal);
        Assert.Contains("Only the facilitator of “Shoe questions” (Alex Wilber) and the owners of its actions", refused, StringComparison.Ordinal);
        var board = await pipeline.Store.GetBoardAsync(Team, pipeline.MapId, Cancel);
        var item = Assert.Single(board.Items);
        Assert.Equal("The size guide is confusing", item.Text);
        Assert.NotNull(item.ConfirmedAt);

        // A week later the review runs again; nothing is due, so nobody is asked.
        var afterAnswers = _connector.Requests.Count;
        await pipeline.MoveToAsync(Start + TimeSpan.FromDays(14) + TimeSpan.FromMinutes(5));
        Assert.DoesNotContain(_connector.Requests.Skip(afterAnswers), r => IsActivityIn(r, ChatOf(Alex)) || IsActivityIn(r, ChatOf(Adele)));
        Assert.Equal(7, (await pipeline.Store.GetConversationMapAsync(new MapScope(Team, ChannelThread), Cancel))!.Map.Review?.EveryDays);
    }

    // What pressing the card's button of that verb for the item sends (the buttons of one verb differ by their item only).
    private static Dictionary<string, string> Press(ConnectorRequest card, string verb, string itemId)
    {
        var data = ActionData(card, verb).ToDictionary(p => p.Key, p => p.Value!.ToString());
        data["item"] = itemId;
        return data;
    }
}
