using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Web.Tests.Rounds.RoundPipeline;

namespace JourneyBot.Web.Tests.Actions;

/// <summary>
/// The owner's card through the real host: Megan owns "Guest checkout" of Alex's map (stored as the
/// <c>act</c> command stores it) and, in her 1:1 chat, reassigns it to Adele, who never had a chat
/// with the bot. The turn's owner notice reaches the host, which starts Adele's 1:1 chat
/// (<c>POST v3/conversations</c>, her Teams id from the team's roster) and posts her card there.
/// </summary>
public sealed class OwnerCardPipelineTests : IClassFixture<ConnectorFixture>
{
    private readonly RecordingConnector _connector;

    public OwnerCardPipelineTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reassignment_puts_the_actions_card_in_the_new_owners_1_to_1_chat_started_for_it()
    {
        await using var round = await StartAsync(_connector);
        await round.SayAsync(Isaiah, "opportunity Purchase | Guest checkout | Sales");
        var opportunity = (await round.Store.GetBoardAsync(Team, round.MapId, Cancel)).Items.Single(i => i.Kind == ItemKind.Opportunity);
        var megan = new Person(Megan.AadObjectId!, Megan.Name!);
        Assert.True(await round.App.Services.GetRequiredService<IActionStore>().TryAddActionAsync(Team, round.MapId, new OwnedAction
        {
            Id = opportunity.Id, StageId = opportunity.StageId, Text = opportunity.Text, Owner = megan, Due = new DateOnly(2026, 12, 11),
            CreatedBy = new Person(Alex.AadObjectId!, Alex.Name!), CreatedAt = Start,
        }, Cancel));
        await round.SettleAsync();
        var before = _connector.Requests.Count;

        var answer = await round.PressInChatAsync(Megan, ChatOf(Megan), "1:megans-card", new Dictionary<string, string>
        {
            ["verb"] = "actionReassign", ["team"] = Team, ["mapId"] = round.MapId, ["action"] = opportunity.Id, ["for"] = megan.Id,
            ["owner.to"] = Adele.AadObjectId!,
        });
        var card = await round.WaitForAsync(r => r.Method == "POST" && !r.CreatesConversation && ConversationOf(r) == ChatOf(Adele));

        Assert.Contains("This action has moved to Adele Vance", answer, StringComparison.Ordinal);
        var sent = _connector.Requests.Skip(before).ToList();
        var created = Assert.Single(sent, r => r.CreatesConversation);
        Assert.Equal(Adele.Id, Assert.Single(created.Parameters.Members!).Id);
        Assert.True(sent.IndexOf(created) < sent.IndexOf(card));
        var text = card.AllText();
        Assert.Contains("You own this action:", text, StringComparison.Ordinal);
        Assert.Contains("Guest checkout", text, StringComparison.Ordinal);
        Assert.Contains("Owned before by", text, StringComparison.Ordinal);
        Assert.Contains("actionDone", card.Body, StringComparison.Ordinal);
        Assert.Contains("graph.microsoft.com/users", card.Body, StringComparison.Ordinal);
        Assert.Equal(Adele.AadObjectId, (await round.App.Services.GetRequiredService<IActionStore>()
            .GetActionAsync(Team, round.MapId, opportunity.Id, Cancel))!.Action.Owner.Id);

        // The delivery logs once the connector has answered the card, a moment after the card arrived there.
        using var logged = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!round.App.Logs.GetSnapshot().Any(l => l.Id.Id == 4140))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), logged.Token);
        }
    }
}
