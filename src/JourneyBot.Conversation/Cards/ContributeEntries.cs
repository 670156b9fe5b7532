using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;
using static JourneyBot.Conversation.Flow.Contribution;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// The contribution entries a card adds from: a row of buttons, one per kind ("+ Touchpoint" …),
/// and one entry per kind with only that kind's fields and its own Add, the entry used last open.
/// Used by everyone's contribution card and by a member's question card (their stages only).
/// </summary>
/// <remarks>See <see cref="ContributeCard"/> for why the entries are shown and hidden rather than opened as cards.</remarks>
internal static class ContributeEntries
{
    /// <summary>The kinds in the order members reach for them; the first is open on a new card.</summary>
    public static readonly IReadOnlyList<ItemKind> Entries =
    [
        ItemKind.Touchpoint, ItemKind.PainPoint, ItemKind.Emotion, ItemKind.Opportunity,
        ItemKind.Thought, ItemKind.BrightSpot, ItemKind.Goal, ItemKind.Action,
    ];

    // Teams shows at most six buttons in a row (its host config's maxActions) and drops the rest:
    // the eight openers go in rows of four, the first row the kinds members reach for most.
    private const int OpenersPerRow = 4;

    // A row of buttons wider than the card (440 px in Teams) is cut at its right edge. Four openers whose
    // titles add up to more than this many characters do not fit (Spanish "+ Punto de contacto", Romanian
    // "+ Punct de contact"): those languages get rows of three, so nothing is cut.
    private const int RowCharacters = 44;

    /// <summary>
    /// The buttons and the entries for <paramref name="stages"/> of <paramref name="map"/>: the
    /// entry of kind <paramref name="open"/> shown (else the first), every entry on
    /// <paramref name="stageId"/> (or the only stage), the open entry filled with
    /// <paramref name="refill"/> when an Add was refused; each Add carries <paramref name="data"/> too.
    /// </summary>
    public static IEnumerable<CardElement> For(JourneyMap map, IReadOnlyList<Stage> stages, string? stageId, ItemKind? open,
        AddItemCommand? refill, IReadOnlyDictionary<string, string>? data = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(stages);
        var stage = stages.FirstOrDefault(s => s.Id == stageId) ?? (stages.Count == 1 ? stages[0] : null);
        var shown = open is { } kind && Entries.Contains(kind) ? kind : Entries[0];
        var choices = StageChoices(map).Where(c => stages.Any(s => s.Id == c.Value)).ToList();
        return
        [
            .. OpenerRows().Select((row, i) => new ActionSet(row) { Spacing = i == 0 ? null : "Small" }),
            .. Entries.Select(kind => Entry(map, kind, choices, stage?.Id, visible: kind == shown, kind == refill?.Kind ? refill : null, data)),
        ];
    }

    /// <summary>
    /// The place of a card's note ("✔ Added …", "⚠ …"): always there, hidden while there is none,
    /// so that no version of the card moves its drop-downs.
    /// </summary>
    public static Container NoteSlot(string? note) =>
        new([Say(note ?? string.Empty)]) { Style = "good", IsVisible = note is null ? false : null };

    /// <summary>The id of a kind's entry, the container its button shows.</summary>
    public static string EntryId(ItemKind kind) => "entry." + Token(kind);

    // The openers in even rows, as many to a row as fit (see RowCharacters), in the card's language.
    private static IEnumerable<ToggleVisibilityAction[]> OpenerRows()
    {
        var openers = Entries.Select(Opener).ToList();
        var perRow = Enumerable.Range(1, OpenersPerRow).Reverse()
            .First(n => n == 1 || openers.Chunk(n).All(row => row.Sum(o => o.Title.Length) <= RowCharacters));
        return openers.Chunk(perRow);
    }

    // "+ Pain point": shows its entry and hides the others.
    private static ToggleVisibilityAction Opener(ItemKind kind) =>
        new(Strings.ContributeEntry.Fill(("kind", Vocabulary.Title(kind))),
            [.. Entries.Select(other => new TargetElement(EntryId(other), other == kind))]);

    private static Container Entry(JourneyMap map, ItemKind kind, IReadOnlyList<Choice> stages, string? stageId, bool visible,
        AddItemCommand? refill, IReadOnlyDictionary<string, string>? extra)
    {
        var data = new Dictionary<string, string>(extra ?? new Dictionary<string, string>()) { [CardVerbs.KindKey] = Token(kind) };
        var add = Button(Strings.ButtonAdd, CardVerbs.Add, map, data) with { Style = "positive" };
        var fields = Fields(kind).Append(EvidenceInput(kind)).Select(field => refill is null ? field : Refilled(field, refill));
        return new Container([StageInput(kind, stages, stageId), .. fields, new ActionSet([add])])
        {
            Id = EntryId(kind),
            Style = "emphasis",
            IsVisible = visible ? null : false,
        };
    }

    private static InputChoiceSet StageInput(ItemKind kind, IReadOnlyList<Choice> stages, string? stageId) =>
        Pick(kind, StageField, Strings.ContributeStageLabel, stages, Strings.ContributeStagePlaceholder)
            with { Value = stageId };

    // A field showing what the member sent, so that a refused Add loses nothing.
    private static CardElement Refilled(CardElement field, AddItemCommand sent)
    {
        var value = field.Id?[(field.Id.IndexOf('.', StringComparison.Ordinal) + 1)..] switch
        {
            TextField => sent.Text,
            ChannelField => sent.Channel,
            ScoreField => sent.Score,
            OwnerField => sent.Owner,
            EvidenceField => sent.Evidence,
            _ => null,
        };
        return (field, value) switch
        {
            (_, null) => field,
            (InputText text, _) => text with { Value = value },
            (InputChoiceSet choices, _) => choices with { Value = value },
            _ => field,
        };
    }

    // The fields after the stage: what applies to the kind, nothing else.
    private static IEnumerable<CardElement> Fields(ItemKind kind) => kind switch
    {
        ItemKind.Touchpoint =>
        [
            Text(kind, Strings.ContributeTouchpointLabel, Strings.ContributeTouchpointPlaceholder),
            Pick(kind, ChannelField, Strings.ContributeChannelLabel,
                [.. Enum.GetValues<TouchChannel>().Select(c => new Choice(Vocabulary.Name(c), c.ToString()))],
                Strings.ContributeChannelPlaceholder),
        ],
        ItemKind.PainPoint =>
        [
            Text(kind, Strings.ContributePainLabel, Strings.ContributePainPlaceholder),
        ],
        ItemKind.Emotion =>
        [
            // Five choices in view: one tap, where a drop-down takes two.
            Pick(kind, ScoreField, Strings.ContributeScoreLabel,
            [
                new(Strings.ScoreDelighted, "2"), new(Strings.ScorePleased, "1"), new(Strings.ScoreNeutral, "0"),
                new(Strings.ScoreAnnoyed, "-1"), new(Strings.ScoreAngry, "-2"),
            ]) with { Style = "expanded" },
            new InputText
            {
                Id = InputId(kind, TextField), Label = Strings.ContributeWhyLabel, Placeholder = Strings.ContributeWhyPlaceholder,
                MaxLength = TextRules.ShortMax,
            },
        ],
        ItemKind.Opportunity =>
        [
            Text(kind, Strings.ContributeIdeaLabel, Strings.ContributeIdeaPlaceholder),
            new InputText
            {
                Id = InputId(kind, OwnerField), Label = Strings.ContributeOwnerLabel, Placeholder = Strings.ContributeOwnerPlaceholder,
                MaxLength = TextRules.ShortMax,
            },
        ],
        ItemKind.Goal => [Text(kind, Strings.ContributeGoalLabel, Strings.ContributeGoalPlaceholder)],
        ItemKind.Thought => [Text(kind, Strings.ContributeThoughtLabel, Strings.ContributeThoughtPlaceholder)],
        ItemKind.BrightSpot => [Text(kind, Strings.ContributeBrightSpotLabel, Strings.ContributeBrightSpotPlaceholder)],
        _ => [Text(kind, Strings.ContributeActionLabel, Strings.ContributeActionPlaceholder)],
    };

    // How the member knows, in every entry, with nothing picked: no item becomes "assumed" because
    // nobody changed a default. Not marked required for the client: all entries are one form, and a
    // hidden entry's empty choice would block the open one's Add. The bot asks for it instead
    // (Strings.ContributeEvidenceMissing), with everything the member filled in kept on the form.
    private static InputChoiceSet EvidenceInput(ItemKind kind) =>
        Pick(kind, EvidenceField, Strings.ContributeEvidenceLabel,
        [
            new(Strings.ContributeEvidenceObserved, "observed"), new(Strings.ContributeEvidenceReported, "reported"),
            new(Strings.ContributeEvidenceAssumed, "assumed"),
        ], Strings.ContributeEvidencePlaceholder);

    // A drop-down of the kind's entry.
    private static InputChoiceSet Pick(ItemKind kind, string field, string label, IReadOnlyList<Choice> choices, string? placeholder = null) => new()
    {
        Id = InputId(kind, field),
        Label = label,
        Style = "compact",
        Choices = choices,
        Placeholder = placeholder,
    };

    private static InputText Text(ItemKind kind, string label, string placeholder) => new()
    {
        Id = InputId(kind, TextField),
        Label = label,
        Placeholder = placeholder,
        MaxLength = TextRules.ItemMax,
    };
}
