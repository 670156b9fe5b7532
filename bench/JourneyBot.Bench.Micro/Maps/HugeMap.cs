using System.Globalization;
using System.Text;
using JourneyBot.Conversation.Mapping;
using static JourneyBot.Bench.Micro.Maps.SampleMapBuilder;

namespace JourneyBot.Bench.Micro.Maps;

/// <summary>
/// The biggest map the rules allow in practice: 12 stages with long names, 1,000 items of 200 to 500
/// characters (accents and emoji included, so text is cut by what people see), 50 members from 10
/// departments, every channel used. Its card cannot fit in 28 KB as first built, so it exercises trimming.
/// </summary>
internal static class HugeMap
{
    public const int Items = 1_000;

    private const int Members = 50;

    private static readonly string[] Departments =
    [
        "Marketing", "Sales", "Customer Service", "Product", "Stores", "Finance", "Logistics", "E-commerce", "Brand", "Legal",
    ];

    private static readonly string[] Phrases =
    [
        "Customers in the Lisbon and Kraków stores say the café-style fitting corner helps them decide",
        "she compares the price with two other shops on her phone while the assistant is still talking",
        "the return policy is hidden three clicks deep and the chat bot cannot find it either 👟",
        "orders placed after 18:00 miss the courier, so the delivery promise on the product page is wrong",
        "the loyalty app asks for the same details the checkout already has, and many give up at that point",
        "runners in the club trust the staff's advice more than any review site, especially for the first pair",
    ];

    /// <summary>The huge map at <paramref name="step"/> with <paramref name="status"/>.</summary>
    public static SampleMap Create(MapStep step = MapStep.Review, MapStatus status = MapStatus.Published)
    {
        var facilitator = Member(0);
        var builder = new SampleMapBuilder("Omnichannel running shoes, every market 🌍 — 2026 programme", facilitator, step, status)
            .Scope(Long("Objective", 480), Long("Persona", 480), Long("Start point", 300), Long("End point", 300))
            .Stages(Enumerable.Range(1, 12).Select(s => $"Stage {s}: what the customer does in this part, in detail"));
        var stages = builder.StageList;
        var kinds = Enum.GetValues<ItemKind>();
        var channels = Enum.GetValues<TouchChannel>();
        for (var i = 0; i < Items; i++)
        {
            var stage = stages[i % stages.Count];
            var kind = kinds[i / stages.Count % kinds.Length];
            var author = Member(i % Members);
            var text = Long($"{Vocabulary.Name(kind)} {i}", 200 + (i * 37 % 300));
            var draft = kind switch
            {
                ItemKind.Touchpoint => Draft(stage, kind, text, Evidence.Observed) with { Channel = channels[i % channels.Length] },
                ItemKind.Emotion => Draft(stage, kind, "mixed feelings") with { Score = (i % 5) - 2 },
                ItemKind.Opportunity => Draft(stage, kind, text) with { Owner = Departments[i % Departments.Length] },
                _ => Draft(stage, kind, text, Evidence.Reported),
            };
            builder.Add(author, Departments[i % Members % Departments.Length], draft);
        }

        return builder.Build(votesEach: 5);
    }

    private static Person Member(int n) =>
        new($"00000000-0000-4000-8000-{n.ToString("D12", CultureInfo.InvariantCulture)}", $"Member {n} of the extended mapping team");

    // "Start: phrase; phrase; …" cut to exactly `length` characters.
    private static string Long(string start, int length)
    {
        var text = new StringBuilder(start).Append(": ");
        for (var p = start.Length; text.Length < length; p++)
        {
            text.Append(Phrases[p % Phrases.Length]).Append("; ");
        }

        return TextRules.Shorten(text.ToString(), length);
    }
}
