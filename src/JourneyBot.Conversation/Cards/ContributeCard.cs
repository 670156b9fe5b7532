using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;
using static JourneyBot.Conversation.Flow.Contribution;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// The card every member adds from: a short intro, how to add by typing, and one entry per kind of
/// item ("+ Touchpoint", "+ Pain point" …) with only the fields that kind has and its own Add button.
/// The entry used last stays open, so a further item of the same kind is one tap.
/// </summary>
/// <remarks>
/// The entries are containers in the card that the buttons show and hide
/// (<see cref="ToggleVisibilityAction"/>), not <c>Action.ShowCard</c>s (which a card cannot start
/// open) nor a dialog (<c>task/fetch</c>, a round trip and a window, and Agents Playground runs
/// none). Teams shows six buttons in a row (its host config's <c>maxActions</c>), so the six kinds
/// are all the buttons there are; steering the session is on the progress card.
/// <para>
/// All inputs of the card are one form, so a hidden entry's fields are sent with every Add: none is
/// required on the card (a hidden required field would block the Add of the open one). The bot
/// reads only the pressed entry's fields and says on the card what is missing.
/// </para>
/// <para>
/// Agents Playground keeps a drop-down's list by the drop-down's place in the card: when a card
/// replaced in place moved its drop-downs, each opened the list of whatever had been at its place
/// before ("Channel" showed the scores). So every version of this card has the same elements in
/// the same places: the note's place is there, hidden, before the first note, and only what is
/// visible changes.
/// </para>
/// </remarks>
internal static class ContributeCard
{
    /// <summary>The kinds in the order members reach for them; the first is open on a new card.</summary>
    public static readonly IReadOnlyList<ItemKind> Entries =
        [ItemKind.Touchpoint, ItemKind.PainPoint, ItemKind.Emotion, ItemKind.Opportunity, ItemKind.Goal, ItemKind.Action];

    /// <summary>
    /// The card for <paramref name="map"/>, with an optional note (e.g. what was just added), the
    /// entry to show open (the kind the member added last), the stage every entry starts on (the
    /// stage of that item) and, when an Add was refused, what the member had written, to correct.
    /// </summary>
    public static AdaptiveCard For(JourneyMap map, string? note = null, string? stageId = null, ItemKind? open = null,
        AddItemCommand? refill = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var stage = map.Stages.FirstOrDefault(s => s.Id == stageId) ?? (map.Stages.Count == 1 ? map.Stages[0] : null);
        var example = stage ?? map.Stages.FirstOrDefault();
        var shown = open is { } kind && Entries.Contains(kind) ? kind : Entries[0];
        List<CardElement> body =
        [
            StepTitle(map),
            new Container([Say(note ?? string.Empty)]) { Style = "good", IsVisible = note is null ? false : null },
            Say(Strings.ContributeIntro),
            Say(Strings.ContributeTypingHint.Fill(("stage", Markdown.Escape(example?.Name ?? "1"))), subtle: true) with { Spacing = "Small" },
            new ActionSet([.. Entries.Select(Opener)]),
            .. Entries.Select(kind => Entry(map, kind, stage?.Id, visible: kind == shown, kind == refill?.Kind ? refill : null)),
        ];
        return new AdaptiveCard(body);
    }

    /// <summary>The id of a kind's entry, the container its button shows.</summary>
    public static string EntryId(ItemKind kind) => "entry." + Token(kind);

    // "+ Pain point": shows its entry and hides the others.
    private static ToggleVisibilityAction Opener(ItemKind kind) =>
        new(Strings.ContributeEntry.Fill(("kind", Vocabulary.Title(kind))),
            [.. Entries.Select(other => new TargetElement(EntryId(other), other == kind))]);

    private static Container Entry(JourneyMap map, ItemKind kind, string? stageId, bool visible, AddItemCommand? refill)
    {
        var data = new Dictionary<string, string> { [CardVerbs.KindKey] = Token(kind) };
        var add = Button(Strings.ButtonAdd, CardVerbs.Add, map, data) with { Style = "positive" };
        var fields = Fields(kind).Select(field => refill is null ? field : Refilled(field, refill));
        return new Container([StageInput(map, kind, stageId), .. fields, new ActionSet([add])])
        {
            Id = EntryId(kind),
            Style = "emphasis",
            IsVisible = visible ? null : false,
        };
    }

    private static InputChoiceSet StageInput(JourneyMap map, ItemKind kind, string? stageId) =>
        Pick(kind, StageField, Strings.ContributeStageLabel, StageChoices(map), Strings.ContributeStagePlaceholder)
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
            Pick(kind, EvidenceField, Strings.ContributeEvidenceLabel,
            [
                new(Strings.ContributeEvidenceObserved, "observed"), new(Strings.ContributeEvidenceReported, "reported"),
                new(Strings.ContributeEvidenceAssumed, "assumed"),
            ]) with { Value = "assumed" },
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
        _ => [Text(kind, Strings.ContributeActionLabel, Strings.ContributeActionPlaceholder)],
    };

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
