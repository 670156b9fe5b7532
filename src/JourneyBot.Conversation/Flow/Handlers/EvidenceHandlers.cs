using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>The answer to "how do you know this?", asked when a member added an item without saying.</summary>
internal sealed class EvidenceHandlers(IMapStore store, IRoundStore rounds)
{
    /// <summary>
    /// The progress card's "How do we know?": the presser's unsaid items with their buttons. Pressed as a
    /// Universal Action the list takes the progress card's place for the presser only, so the busy thread
    /// gets no post; pressed as a plain submit (whose card update everyone would see) it is posted.
    /// </summary>
    public async Task<TurnOutcome> ListAsync(CommandTurn command, UnsaidEvidenceCommand list, CancellationToken cancellationToken)
    {
        var (turn, map) = (command.Turn, command.Map);
        var board = await store.GetBoardAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
        var own = await AnonymousAuthors.OwnedByAsync(rounds, turn.Scope.TeamKey, map, turn.From.Id, cancellationToken);
        var unsaid = EvidenceQuestions.Unsaid(board, own);
        if (unsaid.Count == 0)
        {
            // A lone text: shown to the presser only when pressed as a Universal Action.
            return new TurnOutcome().Say(Strings.EvidenceAllSaid.Fill(("member", Markdown.Escape(turn.From.Name))));
        }

        var inPlace = turn.Submit?.Invoked == true;
        var card = EvidenceCards.List(map, unsaid, turn.From, inPlace);
        return inPlace ? new TurnOutcome { CardUpdate = card } : new TurnOutcome().Show(card);
    }

    public async Task<TurnOutcome> SetAsync(CommandTurn command, SetEvidenceCommand set, CancellationToken cancellationToken)
    {
        if (Vocabulary.ParseEvidence(set.Evidence) is not { } evidence)
        {
            return new TurnOutcome().Say(Strings.NotEvidence.Fill(("evidence", Markdown.Escape(TextRules.Shorten(set.Evidence, TextRules.ShortMax)))));
        }

        var board = await store.GetBoardAsync(command.Scope.TeamKey, command.Map.Id, cancellationToken);
        if (board.Items.FirstOrDefault(i => i.Id == set.ItemId) is not { } item)
        {
            // Removed since, or the copy of the map read moments ago names one the conversation no longer holds.
            return TurnOutcome.RefusalOnMap(Strings.EvidenceItemGone);
        }

        // Only the author knows how they know; an anonymous round's author is recognised by the round's keyed hash.
        var own = await AnonymousAuthors.OwnedByAsync(rounds, command.Scope.TeamKey, command.Map, command.From.Id, cancellationToken);
        if (!own.Contains(item.Author.Id))
        {
            return new TurnOutcome().Say(Strings.EvidenceNotYours.Fill(("author", Markdown.Escape(item.Author.Name)),
                ("item", Markdown.Escape(TextRules.Shorten(Vocabulary.Describe(item), 200)))));
        }

        // Onto the item as stored right before the write (only its evidence changes). Pressed again (or
        // another button of the same card), the latest answer holds, but never below what the item
        // shows once it is said: a validation round may have raised it since.
        var current = await store.GetItemAsync(command.Scope.TeamKey, command.Map.Id, item.Id, cancellationToken);
        if (current is null)
        {
            return TurnOutcome.RefusalOnMap(Strings.EvidenceItemGone);
        }

        if (!current.EvidenceUnsaid && Validation.ValidationRules.Strongest(current.Evidence, evidence) != evidence)
        {
            return new TurnOutcome().Say(Strings.EvidenceAlreadySet.Fill(("item", Markdown.Escape(TextRules.Shorten(Vocabulary.Describe(current), 200))),
                ("evidence", Vocabulary.Name(current.Evidence))));
        }

        var answered = current with { Evidence = evidence, EvidenceUnsaid = false };
        await store.PutItemAsync(command.Scope.TeamKey, command.Map.Id, answered, cancellationToken);
        if (command.Turn.Submit?[CardVerbs.EvidenceListKey] is { } where)
        {
            // From the list of the member's unsaid items: the list again, without the one just said.
            var rest = EvidenceQuestions.Unsaid(board, own).Where(i => i.Id != answered.Id).ToList();
            var note = "✔ " + Markdown.Escape(EvidenceCards.AnsweredLine(answered, command.From));
            return new TurnOutcome { CardUpdate = EvidenceCards.List(command.Map, rest, command.From, where == CardVerbs.EvidenceListInPlace, note) };
        }

        return new TurnOutcome { CardUpdate = EvidenceCards.Answered(answered, command.From) };
    }
}
