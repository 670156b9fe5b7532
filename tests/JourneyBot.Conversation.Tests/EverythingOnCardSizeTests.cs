using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// The published map card with every feature on at once: a future map with its brief and both curves,
/// each stage's "expects" and "moves on when" at their longest, three moments of truth, evidence marks,
/// 50 actions, the refresh, a version label and long links. Each feature's own size test has only some
/// of these; together they once passed the budget.
/// </summary>
public sealed class EverythingOnCardSizeTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    // A realistic signed link: a base address and a token of a few hundred characters.
    private static readonly Uri Link = new("https://journeybot.example.com/maps/" + new string('t', 300));

    // Each shape in each of the bot's languages: Spanish and Romanian texts run longer than English.
    public static TheoryData<string, int, int, int, int> Shapes
    {
        get
        {
            var data = new TheoryData<string, int, int, int, int>();
            foreach (var language in InCulture.Languages)
            {
                data.Add(language, 5, 12, 80, 3);
                data.Add(language, 12, 20, 500, 50);
                data.Add(language, 12, 200, 500, 0);
                data.Add(language, 12, 200, 500, 50);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_current_and_the_future_maps_cards_fit_the_budget(string language, int stages, int itemsPerStage, int textLength, int actions)
    {
        using var culture = InCulture.Use(language);
        var (current, board) = CardSizeTests.SampleMap(stages, itemsPerStage, textLength);
        Publish(current, 7);
        var future = FutureStates.Start(current, board, "Future " + new string('f', 70), new Person("member-0", "Member 0"), "c", DateTimeOffset.UnixEpoch);
        var futureBoard = board with { Items = [.. board.Items.Select(i => i with { Id = "f" + i.Id })] };
        Publish(future, 12);
        foreach (var (map, items) in new[] { (current, board), (future, futureBoard) })
        {
            for (var s = 0; s < map.Stages.Count; s++)
            {
                map.Stages[s] = map.Stages[s] with { Expects = "E" + new string('e', 199), MovesOnWhen = "M" + new string('m', 199) };
            }

            map.MomentsOfTruth = [.. items.Items.Where(i => i.Kind == ItemKind.Touchpoint).Take(3).Select(i => i.Id)];
        }

        var futureCard = MapCard.For(future, futureBoard, Link, "“" + future.Name + "” is published.",
            new ActionsOnDay(MapCardActionsTests.Actions(future, actions), Today), MapCard.Refresh(future, MapCardIntro.Published, "29:" + new string('v', 80)),
            new RelatedMap(current.Name, IsFuture: false, MapStatus.Published, Link));
        var currentCard = MapCard.For(current, board, Link, "“" + current.Name + "” is published.",
            new ActionsOnDay(MapCardActionsTests.Actions(current, actions), Today), MapCard.Refresh(current, MapCardIntro.Published, "29:viewer"),
            new RelatedMap(future.Name, IsFuture: true, MapStatus.Active, Link));

        Assert.InRange(MapCard.Bytes(futureCard), 1_000, MapCard.TargetBytes);
        Assert.InRange(MapCard.Bytes(currentCard), 1_000, MapCard.TargetBytes);
    }

    private static void Publish(JourneyMap map, int version)
    {
        map.Status = MapStatus.Published;
        map.PublishedVersion = version;
        map.PublishedAt = DateTimeOffset.UnixEpoch;
        map.PublishedBy = new Person("p", "Publisher " + new string('p', 60));
    }
}
