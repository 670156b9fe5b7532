using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;
using static JourneyBot.Conversation.Flow.Contribution;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// The card every member adds from: a short intro, how to add by typing, and one entry per kind of
/// item ("+ Touchpoint", "+ Pain point" …) that opens only the fields that kind has, with its own
/// Add button.
/// </summary>
/// <remarks>
/// The entries are <see cref="ShowCardAction"/>s, not a dialog (<c>task/fetch</c>): they open in
/// place with one tap and no round trip, work wherever Adaptive Cards do (Agents Playground runs
/// no dialogs), and an Add sends only its own entry's inputs. Teams shows six buttons on a card
/// (its host config's <c>maxActions</c>), so the six kinds are all the buttons there are; steering
/// the session is on the progress card.
/// <para>
/// Agents Playground keeps a drop-down's list by the drop-down's place in the card: when a card
/// replaced in place moved its drop-downs (the one-form card, with the "✔ added" note above them),
/// each opened the list of whatever had been at its place before ("Channel" showed the scores).
/// The inputs live in the entries, whose layout never changes; the note moves none of them.
/// </para>
/// </remarks>
internal static class ContributeCard
{
    // The kinds in the order members reach for them.
    private static readonly ItemKind[] Entries =
        [ItemKind.Touchpoint, ItemKind.PainPoint, ItemKind.Emotion, ItemKind.Opportunity, ItemKind.Goal, ItemKind.Action];

    /// <summary>
    /// The card for <paramref name="map"/>, with an optional note (e.g. what was just added) and the
    /// stage every entry starts on (the stage of the member's last item).
    /// </summary>
    public static AdaptiveCard For(JourneyMap map, string? note = null, string? stageId = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var body = new List<CardElement> { StepTitle(map) };
        SessionCards.AddNote(body, note);
        body.Add(Say(Strings.ContributeIntro));
        var stage = map.Stages.FirstOrDefault(s => s.Id == stageId) ?? (map.Stages.Count == 1 ? map.Stages[0] : null);
        var example = stage ?? map.Stages.FirstOrDefault();
        body.Add(Say(Strings.ContributeTypingHint.Fill(("stage", Markdown.Escape(example?.Name ?? "1"))), subtle: true) with { Spacing = "Small" });
        return new AdaptiveCard(body) { Actions = [.. Entries.Select(kind => Entry(map, kind, stage?.Id))] };
    }

    private static ShowCardAction Entry(JourneyMap map, ItemKind kind, string? stageId)
    {
        var data = new Dictionary<string, string> { [CardVerbs.KindKey] = Token(kind) };
        return new ShowCardAction(Strings.ContributeEntry.Fill(("kind", Vocabulary.Title(kind))), new InlineCard([StageInput(map, kind, stageId), .. Fields(kind)])
        {
            Actions = [Button(Strings.ButtonAdd, CardVerbs.Add, map, data) with { Style = "positive" }],
        });
    }

    private static InputChoiceSet StageInput(JourneyMap map, ItemKind kind, string? stageId) =>
        Pick(kind, StageField, Strings.ContributeStageLabel, StageChoices(map), Strings.ContributeStagePlaceholder, Strings.ContributeStageError)
            with { Value = stageId };

    // The fields after the stage: what applies to the kind, nothing else.
    private static IEnumerable<CardElement> Fields(ItemKind kind) => kind switch
    {
        ItemKind.Touchpoint =>
        [
            Text(kind, Strings.ContributeTouchpointLabel, Strings.ContributeTouchpointPlaceholder),
            Pick(kind, ChannelField, Strings.ContributeChannelLabel,
                [.. Enum.GetValues<TouchChannel>().Select(c => new Choice(Vocabulary.Name(c), c.ToString()))],
                Strings.ContributeChannelPlaceholder, Strings.ContributeChannelError),
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
            ], error: Strings.ContributeScoreError) with { Style = "expanded" },
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

    // A drop-down of the kind's entry; required when it says what is missing.
    private static InputChoiceSet Pick(ItemKind kind, string field, string label, IReadOnlyList<Choice> choices, string? placeholder = null,
        string? error = null) => new()
    {
        Id = InputId(kind, field),
        Label = label,
        Style = "compact",
        Choices = choices,
        Placeholder = placeholder,
        IsRequired = error is null ? null : true,
        ErrorMessage = error,
    };

    private static InputText Text(ItemKind kind, string label, string placeholder) => new()
    {
        Id = InputId(kind, TextField),
        Label = label,
        Placeholder = placeholder,
        MaxLength = TextRules.ItemMax,
        IsRequired = true,
        ErrorMessage = Strings.ContributeTextError,
    };
}
