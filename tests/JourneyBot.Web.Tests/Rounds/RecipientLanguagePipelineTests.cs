using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Web.Tests.Rounds.RoundPipeline;

namespace JourneyBot.Web.Tests.Rounds;

/// <summary>
/// Cards for one member's 1:1 chat in their own Teams' language, through the real host: the team
/// speaks English (<c>language en</c>); Megan's Teams speaks Spanish and Adele's Romanian, which
/// their member rows remember once they spoke to the bot in the thread. The roster is read with
/// those rows; the thread's posts stay English.
/// </summary>
public sealed class RecipientLanguagePipelineTests : IClassFixture<ConnectorFixture>
{
    private readonly RecordingConnector _connector;

    public RecipientLanguagePipelineTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Spanish_members_round_question_is_Spanish_a_member_with_no_language_gets_the_teams_and_the_thread_stays_English()
    {
        await using var round = await EnglishTeamAsync();

        var sent = await round.SendRoundAsync(RoundPipelineTests.Routes);
        var megan = await round.WaitForAsync(r => IsActivityIn(r, ChatOf(Megan)));
        var isaiah = await round.WaitForAsync(r => IsActivityIn(r, ChatOf(Isaiah)));

        Assert.Contains("Questions sent to 3 people in 3 departments", sent, StringComparison.Ordinal);
        Assert.Contains("Estás en Sales: nos gustaría conocer tu punto de vista sobre Purchase.", megan.AllText(), StringComparison.Ordinal);
        Assert.Contains(" · tu punto de vista", megan.AllText(), StringComparison.Ordinal);
        Assert.Contains("You're in Product: we'd like your view on", isaiah.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Romanian_owners_card_is_Romanian()
    {
        await using var round = await EnglishTeamAsync();
        await round.SayAsync(Isaiah, "opportunity Purchase | Guest checkout | Sales");
        var opportunity = (await round.Store.GetBoardAsync(Team, round.MapId, Cancel)).Items.Single(i => i.Kind == ItemKind.Opportunity);
        var megan = new Person(Megan.AadObjectId!, Megan.Name!);
        Assert.True(await round.App.Services.GetRequiredService<IActionStore>().TryAddActionAsync(Team, round.MapId, new OwnedAction
        {
            Id = opportunity.Id, StageId = opportunity.StageId, Text = opportunity.Text, Owner = megan, Due = new DateOnly(2026, 12, 11),
            CreatedBy = new Person(Alex.AadObjectId!, Alex.Name!), CreatedAt = Start,
        }, Cancel));
        await round.SettleAsync();

        var answer = await round.PressInChatAsync(Megan, ChatOf(Megan), "1:megans-card", new Dictionary<string, string>
        {
            ["verb"] = "actionReassign", ["team"] = Team, ["mapId"] = round.MapId, ["action"] = opportunity.Id, ["for"] = megan.Id,
            ["owner.to"] = Adele.AadObjectId!,
        });
        var card = await round.WaitForAsync(r => r.Method == "POST" && !r.CreatesConversation && ConversationOf(r) == ChatOf(Adele));

        Assert.Contains("This action has moved to Adele Vance", answer, StringComparison.Ordinal);
        Assert.Contains("Ești responsabil de această acțiune:", card.AllText(), StringComparison.Ordinal);
        Assert.Contains("Guest checkout", card.AllText(), StringComparison.Ordinal);
    }

    // The pipeline's team, set to English by Alex; Megan and Adele say their departments again from Spanish and Romanian Teams clients.
    private async Task<RoundPipeline> EnglishTeamAsync()
    {
        var round = await StartAsync(_connector);
        await round.SayAsync(Alex, "language en");
        await round.SayAsync(Megan, "department Sales", locale: "es-ES");
        await round.SayAsync(Adele, "department Customer Service", locale: "ro-RO");
        await round.SettleAsync();
        return round;
    }
}
