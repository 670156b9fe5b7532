using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>What members know, item by item: adding, undoing, editing and removing their own.</summary>
internal sealed class ItemHandlers(IMapStore store, IRoundStore rounds, MemberDepartments departments, EvidenceQuestions questions, TimeProvider clock)
{
    public async Task<TurnOutcome> AddAsync(CommandTurn command, AddItemCommand add, CancellationToken cancellationToken)
    {
        var (turn, map) = (command.Turn, command.Map);
        var draft = Contribution.Read(add, map, out var problem);
        if (draft is null)
        {
            // A stage the map does not know may be one another instance added or renamed moments ago.
            var unknownStage = add.Stage is not null && StageEditor.Find(map, add.Stage, out _) is null;
            return RefuseContribution(turn, add, map, problem!, onMap: unknownStage);
        }

        // The form asks for the evidence (nothing preselected): without it the Add is refused, all filled in kept.
        if (draft.EvidenceUnsaid && turn.Submit is not null)
        {
            return RefuseContribution(turn, add, map, Strings.ContributeEvidenceMissing, onMap: false);
        }

        var item = draft with
        {
            // An emotion is one per member and stage: giving it again replaces it.
            Id = draft.Kind == ItemKind.Emotion
                ? ItemIds.For(turn.From.Id, "emotion:" + draft.StageId)
                : ItemIds.For(turn.ActivityId, "item:" + map.Id),
            Author = turn.From,
            CreatedAt = clock.GetUtcNow(),
        };

        // Refused before anything is written: not even the member's row changes.
        if (await ItemLimits.RefusalAsync(store, turn.Scope.TeamKey, map.Id, item, cancellationToken) is { } full)
        {
            return RefuseContribution(turn, add, map, full, onMap: false);
        }

        // A member whose department neither the team nor their profile knows is asked for it, once.
        var outcome = new TurnOutcome();
        var (department, ask) = await departments.ForAsync(turn, cancellationToken);
        if (ask)
        {
            outcome.Messages.Add(new BotMessage(null, SmallCards.Department(map, turn.From))
            {
                Summary = Strings.AskDepartmentLine.Fill(("member", Markdown.Escape(turn.From.Name))),
            });
        }

        // Kept with the item for when the member has no row to show it from (see IMapStore.GetBoardAsync).
        item = item with { AuthorDepartment = department };
        if (item.Kind == ItemKind.Emotion)
        {
            await store.PutItemAsync(turn.Scope.TeamKey, map.Id, item, cancellationToken);
        }
        else
        {
            // False means this activity was delivered before: the item is there once, as it should be.
            await store.TryAddItemAsync(turn.Scope.TeamKey, map.Id, item, cancellationToken);
        }

        var stage = map.Stages.First(s => s.Id == item.StageId).Name;
        var said = Strings.ItemAdded.Fill(("kind", Vocabulary.Name(item.Kind)), ("id", ItemIds.Display(item.Id)), ("stage", Markdown.Escape(stage)),
            ("item", Markdown.Escape(Describe(item))), ("member", Markdown.Escape(turn.From.Name)));
        if (item.EvidenceUnsaid && !EvidenceQuestions.InBusyThread(turn, map))
        {
            // Typed without observed, reported or assumed: kept, and the author asked with a button per level, in one post.
            var added = map.ProgressActivityId is null ? said + " " + Strings.ItemAddedUndo : said;
            outcome.Messages.Insert(0, new BotMessage(null, EvidenceCards.Ask(map, item, turn.From, added)));
        }
        else if (item.EvidenceUnsaid)
        {
            // A busy thread: the author is asked once for this map, told where the later ones wait. Those
            // are kept without a post, like any typed item there; the progress card counts them.
            if (await questions.FirstOnMapAsync(turn, map, cancellationToken))
            {
                outcome.Messages.Insert(0, new BotMessage(null, EvidenceCards.Ask(map, item, turn.From, said, Strings.EvidenceAskOnce)) { Aside = true });
            }
        }
        else if (turn.Submit is not null && map.Step == MapStep.Contribute)
        {
            // The form itself says what was added, and keeps the same entry open on the same stage for the next item.
            outcome.CardUpdate = ContributeCard.For(map, "✔ " + said, item.StageId, item.Kind);
        }
        else if (map.ProgressActivityId is null)
        {
            outcome.Messages.Insert(0, new BotMessage(said + " " + Strings.ItemAddedUndo, null) { Summary = said });
        }

        // Else the progress card shows it among the latest items, with who added it: no post in a busy thread.
        return outcome;
    }

    public async Task<TurnOutcome> UndoAsync(CommandTurn command, UndoCommand undo, CancellationToken cancellationToken)
    {
        var (turn, map) = (command.Turn, command.Map);
        var board = await store.GetBoardAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
        var own = await AnonymousAuthors.OwnedByAsync(rounds, turn.Scope.TeamKey, map, turn.From.Id, cancellationToken);
        var last = board.Items.Where(i => own.Contains(i.Author.Id)).OrderBy(i => i.CreatedAt).LastOrDefault();
        if (last is null)
        {
            // Overheard, the word said by a member with nothing to take back was talk ("Anulează" to a colleague), in
            // every language alike. Otherwise: the copy of the map read moments ago may name one the conversation no longer holds.
            return turn.Overheard ? new TurnOutcome { Ignored = true } : TurnOutcome.RefusalOnMap(Strings.NothingToUndo);
        }

        await store.RemoveItemAsync(turn.Scope.TeamKey, map.Id, last.Id, cancellationToken);
        return new TurnOutcome().Say(Strings.RemovedLast.Fill(("kind", Vocabulary.Name(last.Kind)), ("item", Markdown.Escape(Describe(last)))));
    }

    public async Task<TurnOutcome> RemoveAsync(CommandTurn command, RemoveItemCommand remove, CancellationToken cancellationToken)
    {
        var (item, refusal) = await FindOwnItemAsync(command, remove.ItemId, editing: false, cancellationToken);
        if (item is null)
        {
            return refusal!;
        }

        await store.RemoveItemAsync(command.Scope.TeamKey, command.Map.Id, item.Id, cancellationToken);
        return new TurnOutcome().Say(Strings.RemovedItem.Fill(("kind", Vocabulary.Name(item.Kind)), ("id", ItemIds.Display(item.Id)),
            ("item", Markdown.Escape(Describe(item)))));
    }

    public async Task<TurnOutcome> EditAsync(CommandTurn command, EditItemCommand edit, CancellationToken cancellationToken)
    {
        var (item, refusal) = await FindOwnItemAsync(command, edit.ItemId, editing: true, cancellationToken);
        if (item is null)
        {
            return refusal!;
        }

        var text = TextRules.Clean(edit.Text, item.Kind == ItemKind.Emotion ? TextRules.ShortMax : TextRules.ItemMax,
            Vocabulary.Name(item.Kind), out var problem);
        if (problem is not null)
        {
            return new TurnOutcome().Say(problem + " " + Strings.EditHowTo);
        }

        var edited = item with { Text = text };
        await store.PutItemAsync(command.Scope.TeamKey, command.Map.Id, edited, cancellationToken);
        return new TurnOutcome().Say(Strings.ItemChanged.Fill(("kind", Vocabulary.Name(item.Kind)), ("id", ItemIds.Display(item.Id)),
            ("item", Markdown.Escape(Describe(edited)))));
    }

    private static string Describe(MapItem item) => Vocabulary.Describe(item, withFace: true);

    // A problem with a contribution is told on the form when the member used it (with what they
    // wrote and picked still there to correct), else as a message.
    private static TurnOutcome RefuseContribution(UserTurn turn, AddItemCommand add, JourneyMap map, string problem, bool onMap) =>
        turn.Submit is not null && map.Step == MapStep.Contribute
            ? new TurnOutcome { CardUpdate = ContributeCard.For(map, "⚠ " + Markdown.Escape(problem), add.Stage, add.Kind, refill: add), RefusedOnMap = onMap }
            : new TurnOutcome { RefusedOnMap = onMap }.Say(problem);

    // Members may change only what they added themselves.
    private async Task<(MapItem? Item, TurnOutcome? Refusal)> FindOwnItemAsync(CommandTurn command, string reference,
        bool editing, CancellationToken cancellationToken)
    {
        var id = reference.Trim().TrimStart('#', '[').TrimEnd(']');
        if (id.Length < 3)
        {
            return (null, new TurnOutcome().Say(editing ? Strings.WhichItemToEdit : Strings.WhichItemToRemove));
        }

        var board = await store.GetBoardAsync(command.Scope.TeamKey, command.Map.Id, cancellationToken);
        var matches = board.Items.Where(i => i.Id.StartsWith(id, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count != 1)
        {
            // No such item in the map as read: a copy read moments ago may name a map the conversation no longer holds.
            return (null, matches.Count == 0
                ? TurnOutcome.RefusalOnMap(Strings.ItemNotFound.Fill(("id", Markdown.Escape(id))))
                : new TurnOutcome().Say(Strings.ItemAmbiguous.Fill(("id", Markdown.Escape(id)))));
        }

        var item = matches[0];
        var own = await AnonymousAuthors.OwnedByAsync(rounds, command.Scope.TeamKey, command.Map, command.From.Id, cancellationToken);
        if (!own.Contains(item.Author.Id))
        {
            var (shown, author) = (ItemIds.Display(item.Id), Markdown.Escape(item.Author.Name));
            return (null, new TurnOutcome().Say(editing
                ? Strings.NotYourItemToEdit.Fill(("id", shown), ("author", author))
                : Strings.NotYourItemToRemove.Fill(("id", shown), ("author", author))));
        }

        return (item, null);
    }
}
