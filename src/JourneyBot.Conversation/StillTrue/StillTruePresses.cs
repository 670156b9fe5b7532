using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.StillTrue;

/// <summary>
/// The answers on a "Still true?" card, pressed in a 1:1 chat: Still true stamps the item confirmed,
/// Changed replaces its words (and stamps it), Gone removes it. The map's items change as stored, so
/// the answers are in the map's next published version. The card answers with the items still due.
/// </summary>
/// <remarks>
/// Who may answer: the map's facilitator and the owners of its actions, whom the review asks; anyone
/// else is told so and nothing changes. The card names the team, the map and the item; the bot acts
/// only on the map and the item as stored, so a forged or replayed card changes nothing its presser
/// may not change. A press on the card of an archived, cancelled or deleted map changes nothing.
/// </remarks>
internal sealed class StillTruePresses(IMapStore store, IActionStore actions, TimeProvider clock)
{
    /// <summary>Whether the press is on a "Still true?" card.</summary>
    public static bool IsPress(CardSubmit submit) =>
        submit.Verb is CardVerbs.StillTrueKept or CardVerbs.StillTrueChanged or CardVerbs.StillTrueGone
        && submit[CardVerbs.TeamKey] is not null && submit[CardVerbs.MapKey] is not null && submit[CardVerbs.ItemKey] is not null;

    public async Task<TurnOutcome> HandleAsync(UserTurn turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        var (teamKey, mapId, itemId) = (submit[CardVerbs.TeamKey]!, submit[CardVerbs.MapKey]!, submit[CardVerbs.ItemKey]!);
        var source = await new OwnerCards(store, actions, clock).ReadAsync(teamKey, mapId, cancellationToken);
        if (source is null)
        {
            return new TurnOutcome { CardUpdate = StillTrueCard.Gone() };
        }

        var map = source.Map;
        if (map.Status is not (MapStatus.Active or MapStatus.Published))
        {
            return new TurnOutcome { CardUpdate = StillTrueCard.Closed(map.Name) };
        }

        var owners = (await actions.GetActionsAsync(teamKey, mapId, cancellationToken)).Actions.Select(a => a.Owner.Id);
        if (turn.From.Id != map.Facilitator.Id && !owners.Contains(turn.From.Id, StringComparer.Ordinal))
        {
            // A lone text: shown to whoever pressed, and the card stays as it is.
            return new TurnOutcome().Say(Strings.StillTrueOnlyAsked.Fill(("map", Markdown.Escape(map.Name)), ("facilitator", Markdown.Escape(map.Facilitator.Name))));
        }

        var days = map.Review?.EveryDays ?? Days(submit);
        var items = source.Board.Items;
        var note = items.FirstOrDefault(i => i.Id == itemId) is { } item
            ? await AnswerAsync(teamKey, map, item, submit, cancellationToken)
            : new Answer("✔ " + Strings.StillTrueAlreadyGone, null);
        if (note.Changed is { } changed)
        {
            // The card lists what is due after this answer, without reading the board again.
            items = [.. items.Where(i => i.Id != itemId).Concat(changed.Kept is { } kept ? [kept] : [])];
        }

        var due = StillTrueList.Due(teamKey, map, source.Board with { Items = items }, days, clock.GetUtcNow());
        var outcome = new TurnOutcome { CardUpdate = StillTrueCard.For(due.For(turn.From, note.Text)) };
        if (note.Changed is not null && map.Status == MapStatus.Active && map.ProgressActivityId is not null && turn.ServiceUrl is { } serviceUrl)
        {
            // The thread's progress card shows the map's latest items.
            outcome.ProgressIn = new ProgressElsewhere(new MapScope(teamKey, map.ConversationKey), serviceUrl);
        }

        return outcome;
    }

    // What the press does to the item as stored; a problem (empty or too long new words) changes nothing.
    private async Task<Answer> AnswerAsync(string teamKey, JourneyMap map, MapItem item, CardSubmit submit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var shown = Markdown.Escape(Vocabulary.Describe(item, withFace: true));
        switch (submit.Verb)
        {
            case CardVerbs.StillTrueGone:
                await store.RemoveItemAsync(teamKey, map.Id, item.Id, cancellationToken);
                return new Answer("✔ " + Strings.StillTrueRemoved.Fill(("item", shown)), new Change(null));
            case CardVerbs.StillTrueChanged:
                var emotion = item.Kind == ItemKind.Emotion;
                var text = TextRules.Clean(submit[StillTrueCard.TextInput + item.Id], emotion ? TextRules.ShortMax : TextRules.ItemMax,
                    emotion ? Strings.NounEmotionWord : Vocabulary.Name(item.Kind), out var problem);
                if (problem is not null)
                {
                    return new Answer("⚠ " + problem, null);
                }

                // Onto the item as stored right before the write: only its words and confirmation change,
                // so evidence raised by a validation answer since the board was read is kept.
                if (await store.GetItemAsync(teamKey, map.Id, item.Id, cancellationToken) is not { } toEdit)
                {
                    return new Answer("✔ " + Strings.StillTrueAlreadyGone, null);
                }

                var edited = toEdit with { Text = text, ConfirmedAt = now };
                await store.PutItemAsync(teamKey, map.Id, edited, cancellationToken);
                return new Answer("✔ " + Strings.StillTrueChangedTo.Fill(("item", Markdown.Escape(Vocabulary.Describe(edited, withFace: true)))), new Change(edited));
            default:
                // Only the confirmation changes, onto the item as stored now (see above).
                if (await store.GetItemAsync(teamKey, map.Id, item.Id, cancellationToken) is not { } toConfirm)
                {
                    return new Answer("✔ " + Strings.StillTrueAlreadyGone, null);
                }

                var confirmed = toConfirm with { ConfirmedAt = now };
                await store.PutItemAsync(teamKey, map.Id, confirmed, cancellationToken);
                return new Answer("✔ " + Strings.StillTrueConfirmed.Fill(("item", shown)), new Change(confirmed));
        }
    }

    // The days the card was made for, should the review have been turned off since (a whole number in range, else the shortest).
    private static int Days(CardSubmit submit) =>
        int.TryParse(submit[CardVerbs.DaysKey], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
            ? Math.Clamp(days, MapReview.MinDays, MapReview.MaxDays)
            : MapReview.MinDays;

    // The note for the card, and the item as the answer left it (Kept null: removed); Changed null: nothing changed.
    private sealed record Answer(string Text, Change? Changed);

    private sealed record Change(MapItem? Kept);
}
