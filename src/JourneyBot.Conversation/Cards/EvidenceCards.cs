using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>The question to a member who added an item without saying how they know it, and its answer.</summary>
internal static class EvidenceCards
{
    // The buttons' values: the typed words, read back with Vocabulary.ParseEvidence. Read on every card, not
    // kept in a static field: a field would keep the texts of the first card's language for every later card.
    // "Reported" is short on the buttons (three must fit in a row in every language); the legend says by whom.
    private static (string Title, string Value)[] Levels =>
    [
        (Strings.ContributeEvidenceObserved, "observed"), (Strings.ButtonEvidenceReported, "reported"), (Strings.ContributeEvidenceAssumed, "assumed"),
    ];

    /// <summary>The most items the list of a member's unsaid items shows at once: a card to answer in a minute.</summary>
    public const int ListedItems = 8;

    /// <summary>
    /// "<paramref name="added"/> — Megan, how do you know this?" with one button per evidence level
    /// setting it on <paramref name="item"/>, and <paramref name="later"/> (where the next ones will wait) under it.
    /// <paramref name="added"/> and <paramref name="later"/> are bot text (markdown, member text escaped).
    /// </summary>
    public static AdaptiveCard Ask(JourneyMap map, MapItem item, Person author, string added, string? later = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(author);
        List<CardElement> body =
        [
            Say(added),
            Plain(Strings.EvidenceAsk.Fill(("member", author.Name)), bold: true) with { Spacing = "Small" },
        ];
        if (later is not null)
        {
            body.Add(Say(later, subtle: true) with { Spacing = "Small" });
        }

        return new AdaptiveCard(body)
        {
            Actions = [.. Levels.Select(level => Button(level.Title, CardVerbs.SetEvidence, map, new Dictionary<string, string>
            {
                [CardVerbs.ItemKey] = item.Id, [CardVerbs.EvidenceKey] = level.Value,
            }))],
        };
    }

    /// <summary>
    /// The progress card's "How do we know?" answered for <paramref name="author"/>: their unsaid items (the
    /// first <see cref="ListedItems"/>, the rest counted), each with a button per level. In place of the
    /// progress card (<paramref name="inPlace"/>, seen by the presser only) it leads back to it. <paramref name="note"/>:
    /// what the last press did (bot text), or null.
    /// </summary>
    public static AdaptiveCard List(JourneyMap map, IReadOnlyList<MapItem> unsaid, Person author, bool inPlace, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(unsaid);
        ArgumentNullException.ThrowIfNull(author);
        if (unsaid.Count == 0)
        {
            return AllSaid(map, author, inPlace, note);
        }

        var where = inPlace ? CardVerbs.EvidenceListInPlace : CardVerbs.EvidenceListPosted;
        var body = new List<CardElement>
        {
            ContributeEntries.NoteSlot(note),
            Plain(Strings.EvidenceAskMany.Fill(("member", author.Name)), bold: true),
        };
        body.AddRange(unsaid.Take(ListedItems).Select(item => new Container(
        [
            Plain(TextRules.Shorten(Vocabulary.Describe(item, withFace: true), 200)),
            Plain(Strings.EvidenceListItemLine.Fill(("kind", Vocabulary.Title(item.Kind)), ("stage", StageName(map, item))), subtle: true)
                with { Spacing = "None" },
            new ActionSet([.. Levels.Select(level => Button(level.Title, CardVerbs.SetEvidence, map, new Dictionary<string, string>
            {
                [CardVerbs.ItemKey] = item.Id, [CardVerbs.EvidenceKey] = level.Value, [CardVerbs.EvidenceListKey] = where,
            }))]),
        ]) { Separator = true }));
        if (unsaid.Count > ListedItems)
        {
            body.Add(Say(Strings.EvidenceListMore.Fill(("count", unsaid.Count - ListedItems)), subtle: true));
        }

        return new AdaptiveCard(body) { Actions = inPlace ? [BackToProgress(map)] : null };
    }

    // Nothing (left) to say: the list's last state, and the answer to a press with nothing unsaid.
    private static AdaptiveCard AllSaid(JourneyMap map, Person author, bool inPlace, string? note) =>
        new([ContributeEntries.NoteSlot(note), Say(Strings.EvidenceAllSaid.Fill(("member", Markdown.Escape(author.Name))))])
        {
            Actions = inPlace ? [BackToProgress(map)] : null,
        };

    // The list shown in place of the progress card gives it back (the card's own refresh would too, later).
    private static ExecuteAction BackToProgress(JourneyMap map) =>
        Button(Strings.ButtonBackToProgress, CardVerbs.Progress, map, new Dictionary<string, string> { [CardVerbs.CardKey] = CardVerbs.ProgressCard });

    private static string StageName(JourneyMap map, MapItem item) => map.Stages.FirstOrDefault(s => s.Id == item.StageId)?.Name ?? string.Empty;

    /// <summary>The question once answered, in its place: what was said, no buttons left.</summary>
    public static AdaptiveCard Answered(MapItem item, Person author) => new([Plain("✔ " + AnsweredLine(item, author))]);

    /// <summary>"Megan Bowen says how they know pain point “…”: ◐ reported by customers or staff." (member text as typed).</summary>
    public static string AnsweredLine(MapItem item, Person author) =>
        Strings.EvidenceAnswered.Fill(("member", author.Name), ("kind", Vocabulary.Name(item.Kind)),
            ("item", TextRules.Shorten(Vocabulary.Describe(item), 200)), ("evidence", EvidenceMarks.Marked(item, EvidenceMarks.Name(item))));
}
