using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.StillTrue;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// The "Still true?" card of a map's review, in the 1:1 chat of its facilitator or of an owner of its
/// actions: the items nobody confirmed for the review's days (at most <see cref="ShownItems"/>, the
/// rest counted), each with Still true, Changed (its new words) and Gone.
/// </summary>
/// <remarks>
/// Every button carries the team, the map and the item; the bot checks the presser and the item as
/// stored before it changes anything. Member text (the map's name, stages, items) is shown as typed.
/// </remarks>
internal static class StillTrueCard
{
    /// <summary>The most items one card lists: a card to answer in a minute, not a chore.</summary>
    public const int ShownItems = 8;

    /// <summary>The start of the input id of an item's new words; the item's id follows.</summary>
    public const string TextInput = "stillTrue.text.";

    /// <summary>The card of <paramref name="view"/>.</summary>
    public static AdaptiveCard For(StillTrueView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<CardElement>
        {
            Plain(Strings.StillTrueTitle.Fill(("map", view.MapName)), bold: true),
            Say(Strings.StillTrueIntro.Fill(("days", view.Days))),
            ContributeEntries.NoteSlot(view.Note),
        };
        if (view.Shown.Count == 0)
        {
            body.Add(Say(Strings.StillTrueNothingLeft));
        }

        body.AddRange(view.Shown.Select(line => Line(view, line)));
        if (view.More > 0)
        {
            body.Add(Say(Strings.StillTrueMore.Fill(("count", view.More)), subtle: true));
        }

        return new AdaptiveCard(body);
    }

    /// <summary>A card whose map is no longer stored: nothing left to confirm.</summary>
    public static AdaptiveCard Gone() => new([Say("⚠ " + Strings.StillTrueMapGone) with { Weight = "Bolder" }]);

    /// <summary>A card whose map was archived or cancelled: its items stay as they are.</summary>
    public static AdaptiveCard Closed(string mapName) => new([Plain("⚠ " + Strings.StillTrueMapClosed.Fill(("map", mapName)), bold: true)]);

    // The item's words, its kind, stage and votes, and its three answers; Changed opens the field for the new words.
    private static Container Line(StillTrueView view, StillTrueLine line)
    {
        var item = line.Item;
        var data = new Dictionary<string, string>
        {
            [CardVerbs.TeamKey] = view.TeamKey,
            [CardVerbs.MapKey] = view.MapId,
            [CardVerbs.ItemKey] = item.Id,
            [CardVerbs.DaysKey] = view.Days.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var entryId = "stillTrue.entry." + item.Id;
        var entry = new Container(
        [
            new InputText
            {
                Id = TextInput + item.Id, Label = Strings.StillTrueNewWords, Value = item.Text, IsMultiline = item.Kind != ItemKind.Emotion,
                MaxLength = item.Kind == ItemKind.Emotion ? TextRules.ShortMax : TextRules.ItemMax,
            },
            new ActionSet([Button(Strings.ButtonStillTrueSave, CardVerbs.StillTrueChanged, data)]),
        ]) { Id = entryId, Style = "emphasis", IsVisible = false };
        return new Container(
        [
            Plain(Vocabulary.Describe(item, withFace: true), bold: true),
            Plain(Strings.StillTrueItemLine.Fill(("kind", Vocabulary.Title(item.Kind)), ("stage", line.StageName), ("votes", line.Votes)), subtle: true)
                with { Spacing = "None" },
            new ActionSet(
            [
                Button(Strings.ButtonStillTrue, CardVerbs.StillTrueKept, data) with { Style = "positive" },
                new ToggleVisibilityAction(Strings.ButtonStillTrueChanged, [new TargetElement(entryId, true)]),
                Button(Strings.ButtonStillTrueGone, CardVerbs.StillTrueGone, data) with { Style = "destructive" },
            ]),
            entry,
        ]) { Separator = true };
    }
}

/// <summary>What a "Still true?" card shows.</summary>
/// <param name="TeamKey">The map's team.</param>
/// <param name="MapId">The map.</param>
/// <param name="MapName">Its name.</param>
/// <param name="Days">The review's days.</param>
/// <param name="Shown">The items listed.</param>
/// <param name="More">How many more are due than are listed.</param>
/// <param name="For">Whom the card is for.</param>
/// <param name="Note">What the last press did (✔ or ⚠), or null.</param>
internal sealed record StillTrueView(string TeamKey, string MapId, string MapName, int Days, IReadOnlyList<StillTrueLine> Shown, int More,
    Person For, string? Note);
