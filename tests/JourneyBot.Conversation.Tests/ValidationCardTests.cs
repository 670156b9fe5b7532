using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Validation;
using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The validation round's rules (what is asked, what an answer raises, when answers contradict) and its cards' sizes at their largest.</summary>
public sealed class ValidationCardTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void At_most_ten_assumed_items_are_asked_most_voted_first_then_by_stage_and_age()
    {
        var map = Map(3);
        var items = Enumerable.Range(0, 14).Select(i => Item($"i{i:D2}", map.Stages[i % 3].Id, i, i == 13 ? Evidence.Observed : Evidence.Assumed)).ToList();
        var votes = new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["i05", "i13", "i07"], ["b"] = ["i07"] };

        var asked = ValidationRules.Questions(map, new MapBoard(items, votes));

        Assert.Equal(10, asked.Count);
        Assert.Equal(["i07", "i05", "i00", "i03", "i06", "i09", "i12", "i01", "i04", "i10"], asked.Select(i => i.Id));
    }

    [Theory]
    [InlineData(Evidence.Assumed, Verdict.SeenIt, Evidence.Observed)]
    [InlineData(Evidence.Reported, Verdict.SeenIt, Evidence.Observed)]
    [InlineData(Evidence.Assumed, Verdict.CustomersTellUs, Evidence.Reported)]
    [InlineData(Evidence.Observed, Verdict.SeenIt, null)]
    [InlineData(Evidence.Reported, Verdict.CustomersTellUs, null)]
    [InlineData(Evidence.Observed, Verdict.CustomersTellUs, null)]
    [InlineData(Evidence.Assumed, Verdict.NotTrue, null)]
    [InlineData(Evidence.Assumed, Verdict.DontKnow, null)]
    public void An_answer_raises_evidence_and_never_lowers_it(Evidence current, Verdict verdict, Evidence? raised) =>
        Assert.Equal(raised, ValidationRules.Raised(current, verdict));

    [Fact]
    public void Not_true_contradicts_only_from_two_departments_compared_loosely()
    {
        ValidationAsk Ask(string id, string department, Verdict verdict) =>
            new() { Member = new Person(id, id), Department = department, Answers = new Dictionary<string, ValidationAnswer> { ["i1"] = new(verdict, null, At) } };

        Assert.False(ValidationRules.Contradicted([Ask("a", "Sales", Verdict.NotTrue), Ask("b", "sales ", Verdict.NotTrue), Ask("c", "Stores", Verdict.SeenIt)], "i1"));
        Assert.True(ValidationRules.Contradicted([Ask("a", "Sales", Verdict.NotTrue), Ask("b", "Stores", Verdict.NotTrue)], "i1"));
        Assert.False(ValidationRules.Contradicted([Ask("a", "Sales", Verdict.NotTrue), Ask("b", "Stores", Verdict.NotTrue)], "i2"));
    }

    public static TheoryData<string> Languages => new(InCulture.Languages);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_validation_card_stays_within_28_KB_with_ten_items_of_500_characters_long_proofs_and_500_members(string language)
    {
        using var culture = InCulture.Use(language);
        var map = Map(12);
        map.Name = new string('m', TextRules.NameMax);
        var items = Enumerable.Range(0, ValidationRound.MostItems).Select(i => Item($"i{i:D2}", map.Stages[i].Id, i, Evidence.Assumed) with { Text = new string('t', TextRules.ItemMax) }).ToList();
        var departments = Enumerable.Range(1, 12).Select(d => $"Department {d} " + new string('d', TextRules.ShortMax - 14)).ToList();
        var asked = departments.Select(d => (d, (IReadOnlyList<string>)[.. Enumerable.Range(0, 42).Select(i => new string('n', TextRules.NameMax))])).ToList();
        var round = new ValidationRound
        {
            MapId = map.Id, Number = 1, ConversationKey = "c", Facilitator = new Person("f", "F"), Departments = departments, ItemIds = [.. items.Select(i => i.Id)],
        };
        var proof = new string('p', TextRules.ItemMax);
        var ask = new ValidationAsk
        {
            Member = new Person("m", new string('n', TextRules.NameMax)), Department = departments[0],
            Answers = items.ToDictionary(i => i.Id, i => new ValidationAnswer(Verdict.NotTrue, proof, At)),
        };
        var denials = Enumerable.Range(0, 12).Select(d => (ask with { Department = departments[d] }, new ValidationAnswer(Verdict.NotTrue, proof, At))).ToList();

        foreach (var (kind, card) in new[]
        {
            ("validation setup card", ValidationCards.Setup(map, items, new Dictionary<string, int>(), departments, asked, "⚠ " + new string('x', 300))),
            ("validation sent card", ValidationCards.Sent(map, items, asked, "Sat 12 Dec 17:00")),
            ("validation summary card", ValidationCards.Summary(map, round, items,
                [ask, .. Enumerable.Range(0, 500).Select(i => ask with { Member = new Person($"m{i}", new string('n', TextRules.NameMax)), Answers = new Dictionary<string, ValidationAnswer>() })])),
            ("validation question card", ValidationCards.Questions(new string('t', 100), map, round, items, ask, new string('x', 300))),
            ("contradiction card", ValidationCards.Contradiction(new string('t', 100), map, items[0], denials, "⚠ " + new string('x', 300))),
        })
        {
            var bytes = MapCard.Bytes(card);
            JourneyBot.Testing.RunSummary.Add($"{kind}, largest, {language}: {bytes:N0} bytes (target {MapCard.TargetBytes:N0})");
            TestContext.Current.TestOutputHelper?.WriteLine($"{kind}: {bytes:N0} bytes");
            Assert.InRange(bytes, 1, MapCard.TargetBytes);
        }

        if (language == "en")
        {
            Assert.Contains("and 34 others", CardText.Of(ValidationCards.Sent(map, items, asked, "Sat 17:00")), StringComparison.Ordinal);
        }
    }

    private static JourneyMap Map(int stages)
    {
        var map = new JourneyMap { Id = "map-1", Name = "Shoe journey", Facilitator = new Person("f", "F"), ConversationKey = "c" };
        foreach (var s in Enumerable.Range(1, stages))
        {
            map.Stages.Add(new Stage($"s{s}", $"Stage {s}"));
        }

        return map;
    }

    private static MapItem Item(string id, string stageId, int minute, Evidence evidence) => new()
    {
        Id = id, Kind = ItemKind.PainPoint, StageId = stageId, Text = "Item " + id, Evidence = evidence, Author = new Person("a", "A"), CreatedAt = At.AddMinutes(minute),
    };
}
