using JourneyBot.Conversation;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Actions.FollowUp;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Conversation.Validation;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// What goes to one member alone speaks their Teams' language, while the team's thread keeps the
/// team's, on the store of the subclass: Alex runs an English team ("language en"); Megan's Teams
/// speaks Spanish (<c>es-ES</c>), Isaiah's Romanian (<c>ro-RO</c>), Adele's English. The roster
/// carries each member's remembered language; the member rows get theirs when they speak to the bot.
/// </summary>
public abstract class RecipientLanguageTests
{
    private static readonly RosterMember[] Team =
    [
        new(Alex, "29:alex", "Marketing", "Europe/Bucharest", "en"),
        new(Megan, "29:megan", "Marketing", "Europe/Bucharest", "es"),
        new(Adele, "29:adele", "Customer Service", "Europe/Bucharest"),
        new(Isaiah, "29:isaiah", "Sales", "Europe/Bucharest", "ro"),
    ];

    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_round_asks_a_Spanish_member_in_Spanish_and_reminds_her_in_Spanish_while_the_thread_and_an_unknown_member_stay_English()
    {
        await using var session = await EnglishTeamAsync();
        await session.OpenContributionsWithProgressCardAsync(Alex, "Shoe journey", "template");
        await session.SayAsync(Megan, "department Marketing", Speaking("es-ES"));

        var routing = Assert.Single((await session.SayAsync(Alex, "ask", RoundFlowTests.InChannel)).Messages).Card!;
        var sent = await session.PressAsync(Alex, "Send questions", null, routing, RoundFlowTests.InChannel);

        Assert.Contains("Questions sent to 3 people", CardText.Of(sent.CardUpdate!), StringComparison.Ordinal);
        var megan = CardText.Of(Direct(sent, Megan));
        Assert.Contains("Shoe journey · tu punto de vista", megan, StringComparison.Ordinal);
        Assert.Contains("Estás en Marketing: nos gustaría conocer tu punto de vista sobre Awareness y Consideration.", megan, StringComparison.Ordinal);
        Assert.Contains("Ești în Sales: ne-ar plăcea părerea ta despre Purchase.", CardText.Of(Direct(sent, Isaiah)), StringComparison.Ordinal);
        Assert.Contains("You're in Customer Service: we'd like your view on Retention and Advocacy.", CardText.Of(Direct(sent, Adele)), StringComparison.Ordinal);
        Assert.Contains("**Questions** · round 1", CardText.Of((await session.Conversation.ProgressAsync(session.Scope, Ct))!.Card), StringComparison.Ordinal);

        var map = await session.MapAsync();
        var key = new RoundKey(session.Scope.TeamKey, map.Id, map.LatestRound);
        var ask = (await session.Rounds.GetAskAsync(key.TeamKey, key.MapId, key.Number, Megan.Id, Ct))!;
        await session.Rounds.PutAskAsync(key.TeamKey, key.MapId, key.Number, ask with { ChatId = "a:megan", CardActivityId = "card-megan" }, Ct);
        session.Clock.MoveTo(RoundFlowTests.BucharestReminder);

        var reminder = await session.Due.ReminderAsync(key, Megan.Id, RoundFlowTests.BucharestReminder, Ct);

        Assert.StartsWith("Un recordatorio: tu punto de vista sobre “Shoe journey” vence el **", reminder!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_validation_round_asks_a_Romanian_member_in_Romanian_and_reminds_him_in_Romanian_while_the_setup_card_stays_English()
    {
        await using var session = await EnglishTeamAsync();
        await session.OpenContributionsAsync(Alex, "Shoe journey", "template");
        await session.SayAsync(Megan, "pain Purchase | Checkout asks for an account | assumed");
        await session.SayAsync(Alex, "next");
        await session.SayAsync(Isaiah, "department Sales", Speaking("ro-RO"));

        var setup = Assert.Single((await session.SayAsync(Alex, "validate", RoundFlowTests.InChannel)).Messages).Card!;
        var sent = await session.PressAsync(Alex, "Send questions", null, setup, RoundFlowTests.InChannel);

        Assert.Contains("1 question sent to 2 people in 2 departments.", CardText.Of(sent.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("Ești în Sales, aproape de clienții noștri. Este adevărată această presupunere?", CardText.Of(Direct(sent, Isaiah)), StringComparison.Ordinal);
        Assert.Contains("You're in Customer Service, close to our customers. Is this assumption true?", CardText.Of(Direct(sent, Adele)), StringComparison.Ordinal);

        var map = await session.MapAsync();
        var round = (await session.Services.GetRequiredService<IValidationStore>().GetLatestAsync(session.Scope.TeamKey, map.Id, Ct))!;
        var reminderAt = session.ValidationTimers.Reminders.Single(r => r.MemberId == Isaiah.Id).At;
        session.Clock.MoveTo(reminderAt);

        var reminder = await session.Services.GetRequiredService<ValidationDue>()
            .ReminderAsync(new RoundKey(session.Scope.TeamKey, map.Id, round.Number), Isaiah.Id, null, Ct);

        Assert.StartsWith("Un memento: întrebările de validare despre „Shoe journey” se închid **", reminder!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_reminder_is_in_the_language_the_owners_row_remembers_and_in_the_teams_where_it_remembers_none()
    {
        await using var session = await EnglishTeamAsync();
        await session.OpenContributionsAsync(Alex, "Shoe journey", "template");
        var team = session.Scope.TeamKey;
        const string Bucharest = "Europe/Bucharest";
        await session.Store.PutMemberAsync(team, Megan.Id, TeamMember.New with { TimeZone = Bucharest, Language = "es", Chat = new PersonalChat(RoundFlowTests.ServiceUrl, "a:megan") }, Ct);
        await session.Store.PutMemberAsync(team, Alex.Id, TeamMember.New with { TimeZone = Bucharest, Chat = new PersonalChat(RoundFlowTests.ServiceUrl, "a:alex") }, Ct);
        var mapId = (await session.MapAsync()).Id;
        var thursday = new DateOnly(2026, 12, 3);
        foreach (var (id, owner) in new[] { ("o1", Megan), ("o2", Alex) })
        {
            Assert.True(await session.Services.GetRequiredService<IActionStore>().TryAddActionAsync(team, mapId, new OwnedAction
            {
                Id = id, StageId = "s3", Text = "Size guide on every product page", Owner = owner, Due = thursday, CreatedBy = Alex, CreatedAt = SessionClock.Start,
            }, Ct));
        }

        session.Clock.MoveTo(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
        var pass = await session.Services.GetRequiredService<ActionFollowUp>()
            .PassAsync(new ActionsTouched(session.Scope, mapId, RoundFlowTests.ServiceUrl, RoundFlowTests.Tenant), Ct);

        Assert.Contains("Un recordatorio: la acción de la que eres responsable vence el", CardText.Of(pass.Reminders.Single(r => r.Owner == Megan).Card), StringComparison.Ordinal);
        Assert.Contains("A reminder: the action you own is due on", CardText.Of(pass.Reminders.Single(r => r.Owner == Alex).Card), StringComparison.Ordinal);
    }

    // A session whose team speaks English, set by its facilitator; the roster with each member's language.
    private async Task<MappingSession> EnglishTeamAsync()
    {
        var session = await StartSessionAsync();
        session.Roster.Members = Team;
        await session.SayAsync(Alex, "language en");
        return session;
    }

    // A member's turn in the team channel from a Teams client in <paramref name="locale"/>.
    private static Func<UserTurn, UserTurn> Speaking(string locale) => turn => RoundFlowTests.InChannel(turn) with { Locale = locale };

    private static Conversation.Cards.AdaptiveCard Direct(TurnOutcome sent, Person to) => sent.Direct.Single(d => d.To.Member == to).Card;
}
