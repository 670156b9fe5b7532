using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

// Steering: answering the setup questions, moving between steps, editing stages.
public sealed partial class JourneyConversation
{
    private async Task<TurnOutcome> AnswerAsync(UserTurn turn, StoredMap stored, AnswerCommand answer, CancellationToken cancellationToken)
    {
        var map = stored.Map;
        if (map.Step == MapStep.Stages)
        {
            return await EditStagesAsync(turn, stored, answer.Text.Equals("template", StringComparison.OrdinalIgnoreCase)
                ? new UseTemplate()
                : new SetStages(CommandParser.SplitList(answer.Text)),
                cancellationToken);
        }

        if (MapFlow.QuestionAt(map.Step) is not { } question)
        {
            return new TurnOutcome().Say(turn.Submit is null && MapFlow.IsOpenForContributions(map.Step)
                ? "To add to the map, use the card or type, for example, *touchpoint Purchase | website | Compares prices on the product page*. **help** shows every form."
                : Texts.NotUnderstood);
        }

        if (!IsFacilitator(turn, map))
        {
            return OnlyFacilitator(map, "answer the setup questions");
        }

        var text = TextRules.Clean(answer.Text, TextRules.AnswerMax, question.Title.ToLowerInvariant(), out var problem);
        if (problem is not null)
        {
            return Refuse(turn, map, problem);
        }

        return await ChangeMapAsync(turn, stored, fresh =>
        {
            if (fresh.Step != question.Step)
            {
                return MapChange.Unchanged(new TurnOutcome().Say(Texts.OutdatedCard));
            }

            question.Write(fresh, text);
            fresh.Step = MapFlow.After(fresh.Step)!.Value;
            return MapChange.Saved(ShowStep(turn, new TurnOutcome(), fresh, $"Saved the {question.Title.ToLowerInvariant()}."));
        }, cancellationToken);
    }

    private async Task<TurnOutcome> MoveAsync(UserTurn turn, StoredMap stored, bool forward, CancellationToken cancellationToken)
    {
        if (!IsFacilitator(turn, stored.Map))
        {
            return OnlyFacilitator(stored.Map, "move the session on or back");
        }

        // Only the review card shows items; read them only when moving into it.
        var board = forward && stored.Map.Step == MapStep.Contribute
            ? await store.GetBoardAsync(turn.Scope.TeamKey, stored.Map.Id, cancellationToken)
            : MapBoard.Empty;
        return await ChangeMapAsync(turn, stored, map =>
        {
            if (forward && CannotLeave(map) is { } reason)
            {
                return MapChange.Unchanged(Refuse(turn, map, reason));
            }

            var target = forward ? MapFlow.After(map.Step) : MapFlow.Before(map.Step);
            if (target is null)
            {
                return MapChange.Unchanged(new TurnOutcome().Say(forward
                    ? "This is the last step. **publish** when the map is ready."
                    : "This is the first step."));
            }

            map.Step = target.Value;
            var outcome = ShowStep(turn, new TurnOutcome(), map, note: null, board);
            if (map.Step == MapStep.Contribute && map.ProgressActivityId is null)
            {
                // Contributions open: from now on one card shows everyone's progress.
                outcome.NewProgressCard = new ProgressCardPost(map.Id, ProgressCard.For(map, board));
            }

            return MapChange.Saved(outcome);
        }, cancellationToken);
    }

    // What keeps the session at its step: the objective is required, and stages are needed to contribute.
    private static string? CannotLeave(JourneyMap map) => map.Step switch
    {
        MapStep.Objective when string.IsNullOrEmpty(map.Objective) =>
            "I need the business objective before we go on: a map without one wastes the team's time.",
        MapStep.Stages when map.Stages.Count == 0 => "Set at least one stage first: use the template or type your own.",
        _ => null,
    };

    private async Task<TurnOutcome> EditStagesAsync(UserTurn turn, StoredMap stored, StageEdit edit, CancellationToken cancellationToken)
    {
        var map = stored.Map;
        if (!IsFacilitator(turn, map))
        {
            return OnlyFacilitator(map, "change the stages");
        }

        if (map.Step < MapStep.Stages)
        {
            return new TurnOutcome().Say("We'll set the stages after the objective, persona, start and end points.");
        }

        // Removing or replacing stages must not orphan items (the facilitator may have gone back to
        // the stages after contributions began): look at the items once, before deciding.
        var board = edit is RemoveStage or SetStages or UseTemplate
            ? await store.GetBoardAsync(turn.Scope.TeamKey, map.Id, cancellationToken)
            : MapBoard.Empty;
        return await ChangeMapAsync(turn, stored, fresh =>
        {
            var problem = StageEditor.Apply(fresh, edit, board);
            if (problem is not null)
            {
                return MapChange.Unchanged(Refuse(turn, fresh, problem));
            }

            var list = string.Join(", ", fresh.Stages.Select((s, i) => $"{i + 1}. {s.Name}"));
            var note = $"Stages: {Markdown.Escape(list)}.";
            if (fresh.Step == MapStep.Stages)
            {
                return MapChange.Saved(ShowStep(turn, new TurnOutcome(), fresh, note + " Press Continue (or type **next**) when they are right."));
            }

            return MapChange.Saved(new TurnOutcome().Say(note));
        }, cancellationToken);
    }

    // The card of the map's step: in place of the card that was pressed, or as a new message.
    private static TurnOutcome ShowStep(UserTurn turn, TurnOutcome outcome, JourneyMap map, string? note = null, MapBoard? board = null,
        string? intro = null)
    {
        var card = map.Step == MapStep.Review ? ReviewCard.For(map, board ?? MapBoard.Empty, note) : SessionCards.ForStep(map, note);
        if (turn.Submit is not null)
        {
            outcome.CardUpdate = card;
            if (intro is not null)
            {
                outcome.Say(intro);
            }
        }
        else
        {
            outcome.Show(card, intro);
        }

        return outcome;
    }

    // A problem told on the card when the member used one, else as a message.
    private static TurnOutcome Refuse(UserTurn turn, JourneyMap map, string problem)
    {
        var outcome = new TurnOutcome();
        if (turn.Submit is not null && map.Status == MapStatus.Active && map.Step != MapStep.Review)
        {
            outcome.CardUpdate = SessionCards.ForStep(map, "⚠ " + Markdown.Escape(problem));
            return outcome;
        }

        return outcome.Say(problem);
    }
}
