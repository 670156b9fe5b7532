using System.Text;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// Card sizes for small, typical and huge maps: the published map stays within 28 KB (what
/// webhooks relay) and every card within 80 KB (Teams refuses about 100 KB).
/// </summary>
public sealed class CardSizeTests
{
    private const int MessageLimit = 80 * 1024;

    public static TheoryData<string, int, int, int> Maps => new()
    {
        { "small", 5, 0, 20 },
        { "typical", 5, 12, 80 },
        { "huge", 12, 200, 500 },
    };

    /// <summary>The maps of <see cref="Maps"/> in each of the bot's languages: Spanish and Romanian texts run longer than English.</summary>
    public static TheoryData<string, string, int, int, int> MapsInEachLanguage
    {
        get
        {
            var data = new TheoryData<string, string, int, int, int>();
            foreach (var language in InCulture.Languages)
            {
                data.Add(language, "small", 5, 0, 20);
                data.Add(language, "typical", 5, 12, 80);
                data.Add(language, "huge", 12, 200, 500);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(MapsInEachLanguage))]
    public void The_published_map_fits_in_28_KB_and_names_every_stage(string language, string size, int stages, int itemsPerStage, int textLength)
    {
        using var culture = InCulture.Use(language);
        var (map, board) = SampleMap(stages, itemsPerStage, textLength);

        var card = MapCard.For(map, board);

        var bytes = MapCard.Bytes(card);
        TestContext.Current.TestOutputHelper?.WriteLine($"{size}: {bytes:N0} bytes");
        JourneyBot.Testing.RunSummary.Add($"published map card, {size} map, {language} ({stages} stages × {itemsPerStage} items of {textLength} chars): {bytes:N0} bytes (target {MapCard.TargetBytes:N0})");
        Assert.InRange(bytes, 1, MapCard.TargetBytes);
        var text = CardText.Of(card);
        Assert.All(map.Stages, stage => Assert.Contains(stage.Name, text, StringComparison.Ordinal));
        // Each moment of truth stands out twice: in its own block above the stages, and starred in its stage.
        var truths = map.MomentsOfTruthIn(board).Count;
        Assert.Equal(truths > 0, text.Contains(Strings.MomentsOfTruth, StringComparison.Ordinal));
        Assert.Equal(2 * truths, text.Split('★').Length - 1);
        if (language != "en")
        {
            return; // The texts checked below are the English ones; in Spanish and Romanian the budget is what is checked.
        }
        if (itemsPerStage > 12)
        {
            Assert.Contains("more)", text, StringComparison.Ordinal);
            Assert.Contains("more opportunities", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(MapsInEachLanguage))]
    public void Every_session_card_stays_under_80_KB(string language, string size, int stages, int itemsPerStage, int textLength)
    {
        using var culture = InCulture.Use(language);
        var (map, board) = SampleMap(stages, itemsPerStage, textLength);
        var opportunities = board.Items.Where(i => i.Kind == ItemKind.Opportunity).ToList();
        var long80 = new string('n', TextRules.NameMax);
        var decided = opportunities.Count < 2 ? null
            : ActionSamples.Decided(opportunities[0], new Person("owner", long80), opportunities[1], new string('r', TextRules.AnswerMax));

        foreach (var (kind, card) in new[]
        {
            ("review card", ReviewCard.For(map, board, voter: new Person("member-1", "Member 1"), actions: decided)),
            ("action form", ActionFormCard.For(map, opportunities.FirstOrDefault() ?? Opportunity(map, textLength), 50,
                ActionSamples.Members(ActionOwners.MostMembers, long80), new DateOnly(2026, 11, 25))),
            ("progress card", ProgressCard.For(map, board)),
            ("contribution form", ContributeCard.For(map)),
            ("stages card", SessionCards.ForStep(AtStages(map))),
            ("evidence question", EvidenceCards.Ask(map, Opportunity(map, textLength) with { Text = Text("Pain", TextRules.ItemMax) },
                new Person("member-1", new string('n', TextRules.NameMax)), new string('a', TextRules.ItemMax * 2))),
        })
        {
            var bytes = MapCard.Bytes(card);
            JourneyBot.Testing.RunSummary.Add($"{kind}, {size} map, {language}: {bytes:N0} bytes (limit {MessageLimit:N0})");
            Assert.InRange(bytes, 1, MessageLimit);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_progress_card_with_unsaid_items_and_the_list_of_a_members_unsaid_items_fit_in_28_KB(string language)
    {
        using var culture = InCulture.Use(language);
        var (map, board) = SampleMap(12, 200, 500);
        map.Step = MapStep.Contribute;
        var author = new Person("member-1", new string('n', TextRules.NameMax));
        var unsaid = board.Items.Where(i => i.EvidenceUnsaid).Select(i => i with { Author = author, Text = Text("Pain", TextRules.ItemMax) }).ToList();
        var progress = ProgressCard.For(map, board);
        var list = EvidenceCards.List(map, unsaid, author, inPlace: true, note: "✔ " + new string('a', 2 * TextRules.ItemMax));

        foreach (var (kind, card) in new[] { ("progress card with unsaid items", progress), ("list of a member's unsaid items", list) })
        {
            var bytes = MapCard.Bytes(card);
            JourneyBot.Testing.RunSummary.Add($"{kind}, huge map, {language}: {bytes:N0} bytes (target {MapCard.TargetBytes:N0})");
            Assert.InRange(bytes, 1, MapCard.TargetBytes);
        }

        if (language != "en")
        {
            return;
        }

        Assert.Contains($"**Not said yet:** {unsaid.Count:N0} items don't say how we know them.", CardText.Of(progress), StringComparison.Ordinal);
        Assert.Contains($"{unsaid.Count - EvidenceCards.ListedItems:N0} more items follow", CardText.Of(list), StringComparison.Ordinal);
    }

    public static TheoryData<string> Languages => new(InCulture.Languages);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_card_of_a_round_stays_under_80_KB_at_12_stages_8_departments_and_500_members(string language)
    {
        using var culture = InCulture.Use(language);
        var (map, board) = SampleMap(12, 200, 500);
        map.Step = MapStep.Contribute;
        var departments = Enumerable.Range(1, 8).Select(d => $"Department {d} " + new string('d', TextRules.ShortMax - 14)).ToList();

        var cards = RoundCardSamples.For(map, board, departments, 500).ToList();

        Assert.Equal(8, cards.Count);
        foreach (var (kind, card) in cards)
        {
            var bytes = MapCard.Bytes(card);
            JourneyBot.Testing.RunSummary.Add($"{kind} card, 12 stages × 8 departments, 500 members, {language}: {bytes:N0} bytes (limit {MessageLimit:N0})");
            Assert.InRange(bytes, 1, MessageLimit);
        }

        // The grid has a row per stage with a cell per department.
        var grid = CardText.Of(cards.Single(c => c.Name == "progress with a round").Card);
        Assert.All(map.Stages, stage => Assert.Contains($"{stage.Name} — {departments[0]} ", grid, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_owner_card_stays_under_80_KB_with_the_longest_texts_a_full_history_and_many_colleagues(string language)
    {
        using var culture = InCulture.Use(language);
        var (map, board) = SampleMap(12, 200, 500);

        var cards = OwnerCardSamples.For(map, board, 500).ToList();

        Assert.Equal(6, cards.Count);
        foreach (var (kind, card) in cards)
        {
            var bytes = MapCard.Bytes(card);
            JourneyBot.Testing.RunSummary.Add($"{kind}, texts at their limits, {OwnedAction.MaxHistory} changes, 500 colleagues, {language}: {bytes:N0} bytes (limit {MessageLimit:N0})");
            Assert.InRange(bytes, 1, MessageLimit);
        }

        // The picker offers at most its share of colleagues; the card shows the latest changes only.
        var open = cards[0].Card;
        Assert.Equal(OwnerCard.MostChoices, open.Body.OfType<Container>().SelectMany(c => c.Items).OfType<InputChoiceSet>().Single().Choices.Count);
        if (language == "en")
        {
            Assert.Equal(OwnerCard.ShownChanges, CardText.Of(open).Split("marked it blocked").Length - 1);
        }
    }

    private static JourneyMap AtStages(JourneyMap map)
    {
        map.Step = MapStep.Stages;
        return map;
    }

    // A map with every kind of item on every stage, 50 members from 10 departments, and votes.
    internal static (JourneyMap Map, MapBoard Board) SampleMap(int stages, int itemsPerStage, int textLength)
    {
        var map = new JourneyMap
        {
            Id = "map", Name = "Running shoes 🏃 " + new string('n', 60), Facilitator = new("member-0", "Member 0"), ConversationKey = "c",
            Step = MapStep.Review, Objective = Text("objective", 500), Persona = Text("persona", 500),
            StartPoint = Text("start", 300), EndPoint = Text("end", 300),
        };
        for (var s = 0; s < stages; s++)
        {
            map.AddStage($"Stage {s + 1} " + new string('s', stages > 5 ? 50 : 5));
        }

        var kinds = Enum.GetValues<ItemKind>();
        var channels = Enum.GetValues<TouchChannel>();
        var items = new List<MapItem>();
        foreach (var stage in map.Stages)
        {
            for (var i = 0; i < itemsPerStage; i++)
            {
                var kind = kinds[i % kinds.Length];
                var author = items.Count % 50;
                items.Add(new MapItem
                {
                    Id = $"{stage.Id}-{i:000}-idxxxx",
                    Kind = kind,
                    StageId = stage.Id,
                    Text = Text($"{kind} {i} with “quotes”, <tags> & emoji 👟", textLength),
                    Channel = kind == ItemKind.Touchpoint ? channels[i % channels.Length] : null,
                    Score = kind == ItemKind.Emotion ? (i % 5) - 2 : null,
                    Owner = kind == ItemKind.Opportunity ? $"Department {i % 10}" : null,
                    Author = new Person($"member-{author}", $"Member {author} " + new string('m', 20)),
                    AuthorDepartment = $"Department {author % 10}",
                    // Every evidence mark, "not said yet" too.
                    Evidence = (Evidence)(i % 3),
                    EvidenceUnsaid = i % 4 == 3,
                    CreatedAt = DateTimeOffset.UnixEpoch.AddSeconds(items.Count),
                });
            }
        }

        // The most moments of truth a map may mark, each a touchpoint of the longest text.
        map.MomentsOfTruth = [.. items.Where(i => i.Kind == ItemKind.Touchpoint).Take(JourneyMap.MaxMomentsOfTruth).Select(i => i.Id)];
        var votable = items.Where(i => i.Kind is ItemKind.PainPoint or ItemKind.Opportunity).Select(i => i.Id).ToList();
        var votes = Enumerable.Range(0, 50).ToDictionary(
            m => $"member-{m}",
            m => (IReadOnlyList<string>)[.. votable.Skip(m * 3 % Math.Max(votable.Count, 1)).Take(5)]);
        return (map, new MapBoard(items, votes));
    }

    // A map with no items still has an opportunity to size the form with.
    private static MapItem Opportunity(JourneyMap map, int textLength) => new()
    {
        Id = "opportunity-1", Kind = ItemKind.Opportunity, StageId = map.Stages[0].Id, Text = Text("Opportunity", textLength),
        Author = new Person("member-1", "Member 1"), CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static string Text(string start, int length)
    {
        var text = new StringBuilder(start);
        while (text.Length < length)
        {
            text.Append(" lorem ipsum");
        }

        return text.ToString(0, length);
    }
}
