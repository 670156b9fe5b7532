using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Testing.Conversations;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Conversation.Tests;

/// <summary>The progress card's stage × department grid of a round.</summary>
public sealed class RoundGridTests
{
    private static readonly Person Lynne = new("aad-lynne", "Lynne Robbins");
    private static readonly Person Diego = new("aad-diego", "Diego Siciliani");
    private static readonly Person Joni = new("aad-joni", "Joni Sherman");

    [Fact]
    public void Each_cell_shows_answered_when_any_member_of_the_department_did_else_waiting_nothing_to_add_or_cannot_reach()
    {
        var (map, view) = Sample(RoundState.Open);

        var lines = Lines(RoundGrid.For(map, view));

        Assert.Equal(
        [
            "**Questions** · round 1 · due Mon 17:00",
            "1. Awareness — Marketing ✔",
            "2. Consideration — Marketing ✔ · Product (nobody in the team)",
            "3. Purchase — Sales … · Stores –",
            "4. Retention — Customer Service ⚠",
            "5. Advocacy — Customer Service –",
            "✔ answered · … waiting · – nothing to add · ⚠ can't reach",
            "⚠ Teams would not deliver to Adele Vance: they may have blocked the bot, or the app is not allowed for them. "
                + "Ask them to open a chat with JourneyBot, or your admin to allow the app.",
        ], lines);
    }

    [Fact]
    public void A_stage_nobody_is_asked_about_is_left_out_and_a_closed_round_says_so_without_a_hint_when_all_were_reached()
    {
        var (map, view) = Sample(RoundState.Closed);
        var reached = view with
        {
            Round = view.Round with { Routing = new Dictionary<string, IReadOnlyList<string>> { ["s3"] = ["Sales"] } },
            Asks = [.. view.Asks.Where(a => a.State != AskState.CannotReach)],
        };

        var lines = Lines(RoundGrid.For(map, reached));

        Assert.Equal(["**Questions** · round 1 · closed", "3. Purchase — Sales …", "✔ answered · … waiting · – nothing to add · ⚠ can't reach"], lines);
    }

    [Fact]
    public void A_department_waits_while_one_member_has_not_answered_and_one_could_not_be_reached()
    {
        var (map, view) = Sample(RoundState.Open);
        var mixed = view with
        {
            Asks =
            [
                Ask(Adele, "Customer Service", AskState.CannotReach, "s4"),
                Ask(Joni, "customer service", AskState.Asked, "s4"),
            ],
        };

        Assert.Contains("4. Retention — Customer Service …", Lines(RoundGrid.For(map, mixed)));
    }

    [Fact]
    public void The_progress_card_shows_the_grid_of_the_maps_latest_round()
    {
        var (map, view) = Sample(RoundState.Open);

        var text = CardText.Of(ProgressCard.For(map, MapBoard.Empty, view));

        Assert.Contains("**Questions** · round 1 · due Mon 17:00", text, StringComparison.Ordinal);
        Assert.Contains("3. Purchase — Sales … · Stores –", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**Questions**", CardText.Of(ProgressCard.For(map, MapBoard.Empty)), StringComparison.Ordinal);
    }

    internal static (JourneyMap Map, RoundView View) Sample(RoundState state)
    {
        var map = RoundRulesTests.FiveStageMap();
        var round = new Round
        {
            MapId = map.Id, Number = 1, ConversationKey = "c", Facilitator = Alex, State = state,
            Deadline = new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero),
            Routing = new Dictionary<string, IReadOnlyList<string>>
            {
                ["s1"] = ["Marketing"], ["s2"] = ["Marketing", "Product"], ["s3"] = ["Sales", "Stores"],
                ["s4"] = ["Customer Service"], ["s5"] = ["Customer Service"],
            },
        };
        RoundAsk[] asks =
        [
            Ask(Megan, "Marketing", AskState.Answered, "s1", "s2"),
            Ask(Lynne, "marketing", AskState.Asked, "s1", "s2"),
            Ask(Isaiah, "Sales", AskState.Asked, "s3"),
            Ask(Patti, "Sales", AskState.NothingToAdd, "s3"),
            Ask(Diego, "Stores", AskState.NothingToAdd, "s3"),
            Ask(Adele, "Customer Service", AskState.CannotReach, "s4", "s5"),
            Ask(Joni, "Customer Service", AskState.Suggested, "s5"),
            Ask(new Person("aad-new", "New Member"), null, AskState.NeedsDepartment),
        ];
        return (map, new RoundView(round, asks, "Mon 17:00"));
    }

    private static RoundAsk Ask(Person who, string? department, AskState state, params string[] stages) =>
        new() { Member = who, Department = department, State = state, StageIds = stages };

    private static List<string> Lines(IEnumerable<CardElement> elements) =>
        [.. CardText.Of(new AdaptiveCard([.. elements])).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}
