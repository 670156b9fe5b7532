using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>The answer to "how do you know this?", asked when a member added an item without saying.</summary>
internal sealed class EvidenceHandlers(IMapStore store, IRoundStore rounds)
{
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
        return new TurnOutcome { CardUpdate = EvidenceCards.Answered(answered, command.From) };
    }
}
