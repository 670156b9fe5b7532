using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

// Contributions: adding, undoing, editing, removing items; votes; departments.
public sealed partial class JourneyConversation
{
    private async Task<TurnOutcome> AddItemAsync(UserTurn turn, StoredMap stored, AddItemCommand add, CancellationToken cancellationToken)
    {
        var map = stored.Map;
        if (!MapFlow.IsOpenForContributions(map.Step))
        {
            return new TurnOutcome().Say("Contributions open once the facilitator has set the stages. I'll show the form then.");
        }

        var draft = Contribution.Read(add, map, out var problem);
        if (draft is null)
        {
            return RefuseContribution(turn, map, problem!);
        }

        // A member is asked for their department once; the answer is kept for the team. Their row is
        // their own, so fifty members contributing at once never write the same row.
        var outcome = new TurnOutcome();
        var member = await store.GetMemberAsync(turn.Scope.TeamKey, turn.From.Id, cancellationToken);
        var department = member?.Department;
        if (member is null || (department is null && !member.AskedForDepartment))
        {
            await store.PutMemberAsync(turn.Scope.TeamKey, turn.From.Id, new TeamMember(department, AskedForDepartment: true), cancellationToken);
            if (department is null)
            {
                outcome.Messages.Add(new BotMessage(null, SmallCards.Department(map, turn.From))
                {
                    Summary = $"{Markdown.Escape(turn.From.Name)}, which department are you in? Type **department** and its name.",
                });
            }
        }

        var item = draft with
        {
            // An emotion is one per member and stage: giving it again replaces it.
            Id = draft.Kind == ItemKind.Emotion
                ? ItemIds.For(turn.From.Id, "emotion:" + draft.StageId)
                : ItemIds.For(turn.ActivityId, "item:" + map.Id),
            Author = turn.From,
            AuthorDepartment = department,
            CreatedAt = clock.GetUtcNow(),
        };
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
        var said = $"Added {Vocabulary.Name(item.Kind)} [{ItemIds.Display(item.Id)}] to {Markdown.Escape(stage)}: " +
            $"{Markdown.Escape(Describe(item))}, by {Markdown.Escape(turn.From.Name)}.";
        if (turn.Submit is not null && map.Step == MapStep.Contribute)
        {
            // The form itself says what was added: no extra message in a busy channel.
            outcome.CardUpdate = ContributeCard.For(map, "✔ " + said);
        }
        else
        {
            outcome.Messages.Insert(0, new BotMessage(said + " (**undo** takes it back.)", null) { Summary = said });
        }

        return outcome;
    }

    private static string Describe(MapItem item) => Vocabulary.Describe(item, withFace: true);

    private static TurnOutcome RefuseContribution(UserTurn turn, JourneyMap map, string problem) =>
        turn.Submit is not null && map.Step == MapStep.Contribute
            ? new TurnOutcome { CardUpdate = ContributeCard.For(map, "⚠ " + Markdown.Escape(problem)) }
            : new TurnOutcome().Say(problem);

    private async Task<TurnOutcome> UndoAsync(UserTurn turn, JourneyMap map, CancellationToken cancellationToken)
    {
        var board = await store.GetBoardAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
        var last = board.Items.Where(i => i.Author.Id == turn.From.Id).OrderBy(i => i.CreatedAt).LastOrDefault();
        if (last is null)
        {
            return new TurnOutcome().Say("You haven't added anything to this map, so there's nothing to undo.");
        }

        await store.RemoveItemAsync(turn.Scope.TeamKey, map.Id, last.Id, cancellationToken);
        return new TurnOutcome().Say($"Removed your last {Vocabulary.Name(last.Kind)}: {Markdown.Escape(Describe(last))}.");
    }

    private async Task<TurnOutcome> RemoveItemAsync(UserTurn turn, JourneyMap map, string reference, CancellationToken cancellationToken)
    {
        var (item, outcome) = await FindOwnItemAsync(turn, map, reference, "remove", cancellationToken);
        if (item is null)
        {
            return outcome!;
        }

        await store.RemoveItemAsync(turn.Scope.TeamKey, map.Id, item.Id, cancellationToken);
        return new TurnOutcome().Say($"Removed {Vocabulary.Name(item.Kind)} [{ItemIds.Display(item.Id)}]: {Markdown.Escape(Describe(item))}.");
    }

    private async Task<TurnOutcome> EditItemAsync(UserTurn turn, JourneyMap map, EditItemCommand edit, CancellationToken cancellationToken)
    {
        var (item, outcome) = await FindOwnItemAsync(turn, map, edit.ItemId, "edit", cancellationToken);
        if (item is null)
        {
            return outcome!;
        }

        var text = TextRules.Clean(edit.Text, item.Kind == ItemKind.Emotion ? TextRules.ShortMax : TextRules.ItemMax,
            Vocabulary.Name(item.Kind), out var problem);
        if (problem is not null)
        {
            return new TurnOutcome().Say(problem + " Type: *edit id new text*.");
        }

        var edited = item with { Text = text };
        await store.PutItemAsync(turn.Scope.TeamKey, map.Id, edited, cancellationToken);
        return new TurnOutcome().Say($"Changed {Vocabulary.Name(item.Kind)} [{ItemIds.Display(item.Id)}] to: {Markdown.Escape(Describe(edited))}.");
    }

    // Members may change only what they added themselves.
    private async Task<(MapItem? Item, TurnOutcome? Refusal)> FindOwnItemAsync(UserTurn turn, JourneyMap map, string reference,
        string what, CancellationToken cancellationToken)
    {
        var id = reference.Trim().TrimStart('#', '[').TrimEnd(']');
        if (id.Length < 3)
        {
            return (null, new TurnOutcome().Say($"Which item? Type **{what}** and the id shown in brackets when it was added, e.g. *{what} k3f9q*."));
        }

        var board = await store.GetBoardAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
        var matches = board.Items.Where(i => i.Id.StartsWith(id, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count != 1)
        {
            return (null, new TurnOutcome().Say(matches.Count == 0
                ? $"I found no item [{Markdown.Escape(id)}] in this map."
                : $"Several items start with [{Markdown.Escape(id)}]; type more of the id."));
        }

        var item = matches[0];
        if (item.Author.Id != turn.From.Id)
        {
            return (null, new TurnOutcome().Say($"[{ItemIds.Display(item.Id)}] was added by {Markdown.Escape(item.Author.Name)}; only they can {what} it."));
        }

        return (item, null);
    }

    private async Task<TurnOutcome> VoteAsync(UserTurn turn, JourneyMap map, VoteCommand vote, CancellationToken cancellationToken)
    {
        if (map.Step != MapStep.Review)
        {
            return new TurnOutcome().Say("Voting opens at the review, after the contributions.");
        }

        var board = await store.GetBoardAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
        var votable = board.Items.Where(i => i.Kind is ItemKind.PainPoint or ItemKind.Opportunity).ToList();
        var chosen = new List<string>();
        foreach (var reference in vote.ItemIds.Select(r => r.Trim('[', ']')))
        {
            var matches = votable.Where(i => i.Id.StartsWith(reference, StringComparison.OrdinalIgnoreCase)).ToList();
            if (reference.Length < 3 || matches.Count != 1)
            {
                return RefuseVote(turn, map, board, $"[{Markdown.Escape(reference)}] is not a pain point or opportunity of this map I can tell apart.");
            }

            if (!chosen.Contains(matches[0].Id))
            {
                chosen.Add(matches[0].Id);
            }
        }

        if (chosen.Count > ReviewCard.VotesPerMember)
        {
            return RefuseVote(turn, map, board, $"You picked {chosen.Count}; everyone has {ReviewCard.VotesPerMember} votes. Pick your top {ReviewCard.VotesPerMember}.");
        }

        await store.SetVotesAsync(turn.Scope.TeamKey, map.Id, turn.From.Id, chosen, cancellationToken);
        var votes = new Dictionary<string, IReadOnlyList<string>>(board.Votes) { [turn.From.Id] = chosen };
        var said = chosen.Count == 0
            ? $"{Markdown.Escape(turn.From.Name)} withdrew their votes."
            : $"{Markdown.Escape(turn.From.Name)} voted for {chosen.Count} item{(chosen.Count == 1 ? string.Empty : "s")}.";
        return turn.Submit is not null
            ? new TurnOutcome { CardUpdate = ReviewCard.For(map, board with { Votes = votes }, "✔ " + said, votesOf: turn.From.Id) }
            : new TurnOutcome().Say(said);
    }

    private static TurnOutcome RefuseVote(UserTurn turn, JourneyMap map, MapBoard board, string problem) =>
        turn.Submit is not null
            ? new TurnOutcome { CardUpdate = ReviewCard.For(map, board, "⚠ " + problem) }
            : new TurnOutcome().Say(problem);

    private async Task<TurnOutcome> SetDepartmentAsync(UserTurn turn, DepartmentCommand command, StoredMap? stored, CancellationToken cancellationToken)
    {
        var department = TextRules.Clean(command.Department, TextRules.ShortMax, "department", out var problem);
        if (problem is not null)
        {
            return new TurnOutcome().Say(command.Department.Length == 0 ? "Which department? Type **department** and its name, e.g. *department Marketing*." : problem);
        }

        await store.PutMemberAsync(turn.Scope.TeamKey, turn.From.Id, new TeamMember(department, AskedForDepartment: true), cancellationToken);

        // What they added before saying it now speaks for their department too.
        if (stored is not null && stored.Map.Status == MapStatus.Active)
        {
            var board = await store.GetBoardAsync(turn.Scope.TeamKey, stored.Map.Id, cancellationToken);
            foreach (var item in board.Items.Where(i => i.Author.Id == turn.From.Id && i.AuthorDepartment is null))
            {
                await store.PutItemAsync(turn.Scope.TeamKey, stored.Map.Id, item with { AuthorDepartment = department }, cancellationToken);
            }
        }

        return new TurnOutcome().Say($"Thanks, {Markdown.Escape(turn.From.Name)}: you're in {Markdown.Escape(department)}. I'll remember it for this team.");
    }
}
