using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>The question to a member who added an item without saying how they know it, and its answer.</summary>
internal static class EvidenceCards
{
    // The buttons' values: the typed words, read back with Vocabulary.ParseEvidence.
    private static readonly (string Title, string Value)[] Levels =
    [
        (Strings.ContributeEvidenceObserved, "observed"), (Strings.ContributeEvidenceReported, "reported"), (Strings.ContributeEvidenceAssumed, "assumed"),
    ];

    /// <summary>
    /// "<paramref name="added"/> — Megan, how do you know this?" with one button per evidence level
    /// setting it on <paramref name="item"/>. <paramref name="added"/> is bot text (markdown, member text escaped).
    /// </summary>
    public static AdaptiveCard Ask(JourneyMap map, MapItem item, Person author, string added)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(author);
        return new AdaptiveCard(
        [
            Say(added),
            Plain(Strings.EvidenceAsk.Fill(("member", author.Name)), bold: true) with { Spacing = "Small" },
        ])
        {
            Actions = [.. Levels.Select(level => Button(level.Title, CardVerbs.SetEvidence, map, new Dictionary<string, string>
            {
                [CardVerbs.ItemKey] = item.Id, [CardVerbs.EvidenceKey] = level.Value,
            }))],
        };
    }

    /// <summary>The question once answered, in its place: what was said, no buttons left.</summary>
    public static AdaptiveCard Answered(MapItem item, Person author) => new(
    [
        Plain("✔ " + Strings.EvidenceAnswered.Fill(("member", author.Name), ("kind", Vocabulary.Name(item.Kind)),
            ("item", TextRules.Shorten(Vocabulary.Describe(item), 200)), ("evidence", EvidenceMarks.Marked(item, EvidenceMarks.Name(item))))),
    ]);
}
