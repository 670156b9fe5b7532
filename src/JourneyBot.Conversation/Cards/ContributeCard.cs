using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;

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
    /// <summary>
    /// The card for <paramref name="map"/>, with an optional note (e.g. what was just added), the
    /// entry to show open (the kind the member added last), the stage every entry starts on (the
    /// stage of that item) and, when an Add was refused, what the member had written, to correct.
    /// </summary>
    public static AdaptiveCard For(JourneyMap map, string? note = null, string? stageId = null, ItemKind? open = null,
        AddItemCommand? refill = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var example = map.Stages.FirstOrDefault(s => s.Id == stageId) ?? map.Stages.FirstOrDefault();
        List<CardElement> body =
        [
            StepTitle(map),
            ContributeEntries.NoteSlot(note),
            Say(Strings.ContributeIntro),
            Say(Strings.ContributeTypingHint.Fill(("stage", Markdown.Escape(example?.Name ?? "1"))), subtle: true) with { Spacing = "Small" },
            .. ContributeEntries.For(map, map.Stages, stageId, open, refill),
        ];
        return new AdaptiveCard(body);
    }
}
