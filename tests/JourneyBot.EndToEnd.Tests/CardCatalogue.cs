using JourneyBot.Conversation;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>Every card the bot sends, built from a filled sample map (with hostile text) and an empty one.</summary>
public static class CardCatalogue
{
    private static readonly Person Alex = new("aad-alex", "Alex Wilber");
    private static readonly Person Megan = new("aad-megan", "Megan <b>Bowen</b> [x](https://evil.example)");

    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var map = SampleMap();
        var board = SampleBoard(map);
        foreach (var step in new[] { MapStep.Objective, MapStep.Persona, MapStep.StartPoint, MapStep.EndPoint })
        {
            var at = SampleMap(step);
            yield return ($"question-{step}", SessionCards.ForStep(at));
        }

        var noStages = SampleMap(MapStep.Stages);
        noStages.Stages.Clear();
        yield return ("stages-empty", SessionCards.ForStep(noStages));
        yield return ("stages", SessionCards.ForStep(SampleMap(MapStep.Stages), "Stages: 1. Awareness, 2. Consideration."));
        yield return ("contribute", ContributeCard.For(SampleMap(MapStep.Contribute)));
        var contributing = SampleMap(MapStep.Contribute);
        yield return ("contribute-added", ContributeCard.For(contributing, "✔ Added touchpoint [k3f9q] to Purchase.", contributing.Stages[2].Id));
        yield return ("review", ReviewCard.For(SampleMap(MapStep.Review), board, "✔ Megan voted for 2 items.", voter: Megan));
        yield return ("progress", ProgressCard.For(SampleMap(MapStep.Contribute), board));
        yield return ("review-empty", ReviewCard.For(SampleMap(MapStep.Review), MapBoard.Empty));
        map.Status = MapStatus.Published;
        map.PublishedAt = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        map.PublishedBy = Alex;
        yield return ("map", MapCard.For(map, board, new Uri("https://journeybot.example/maps/token"), "“Shoe journey” is published. Here is the map for everyone to read."));
        yield return ("map-empty", MapCard.For(SampleMap(MapStep.Contribute), MapBoard.Empty));
        yield return ("department", SmallCards.Department(map, Megan));
        yield return ("archive-and-start", SmallCards.ArchiveAndStart(map, "New <map> **name**"));
    }

    private static JourneyMap SampleMap(MapStep step = MapStep.Review)
    {
        var map = new JourneyMap
        {
            Id = "map-1",
            Name = "Shoe journey 🏃 <script>alert(1)</script>",
            Facilitator = Alex,
            ConversationKey = "19:general@thread.tacv2;messageid=1",
            Step = step,
            Objective = "Help first-time runners buy their first pair online",
            Persona = "Ana, 34, starting to run \"seriously\"",
            StartPoint = "Decides to start running",
            EndPoint = "First run in the new shoes",
        };
        foreach (var name in Vocabulary.FiveStageTemplate)
        {
            map.AddStage(name);
        }

        return map;
    }

    private static MapBoard SampleBoard(JourneyMap map)
    {
        var n = 0;
        MapItem Item(ItemKind kind, int stage, string text, Person who, string? department) => new()
        {
            Id = $"item{++n:00}abcdefg",
            Kind = kind,
            StageId = map.Stages[stage].Id,
            Text = text,
            Author = who,
            AuthorDepartment = department,
            CreatedAt = DateTimeOffset.UnixEpoch.AddMinutes(n),
        };

        var items = new List<MapItem>
        {
            Item(ItemKind.Touchpoint, 0, "Instagram ad for beginners", Megan, "Sales") with { Channel = TouchChannel.SocialNetworks },
            Item(ItemKind.Touchpoint, 2, "Product page with reviews } ] \" \\ <at>Bob</at>", Alex, "Marketing") with { Channel = TouchChannel.Website },
            Item(ItemKind.Goal, 1, "Find a shoe that will not hurt", Megan, "Sales"),
            Item(ItemKind.Action, 3, "Logs runs in the app", Alex, null),
            Item(ItemKind.PainPoint, 2, "The size guide is confusing", Megan, "Sales"),
            Item(ItemKind.Emotion, 2, "unsure", Alex, "Marketing") with { Score = -1 },
            Item(ItemKind.Emotion, 0, "curious", Megan, "Sales") with { Score = 1 },
            Item(ItemKind.Emotion, 3, "proud", Megan, "Sales") with { Score = 2 },
            Item(ItemKind.Opportunity, 2, "Virtual fitting from a foot photo", Alex, "Marketing") with { Owner = "Product" },
            Item(ItemKind.Opportunity, 4, "Referral code", Megan, "Sales"),
        };
        return new MapBoard(items, new Dictionary<string, IReadOnlyList<string>>
        {
            [Megan.Id] = [items[4].Id, items[8].Id],
            [Alex.Id] = [items[4].Id],
        });
    }
}
