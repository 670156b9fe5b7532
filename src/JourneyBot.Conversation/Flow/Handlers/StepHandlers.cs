using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Flow.TurnReplies;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>Steering the session: answering the setup questions and moving between steps.</summary>
internal sealed class StepHandlers(IMapStore store, MapTransaction transaction)
{
    public async Task<TurnOutcome> AnswerAsync(CommandTurn command, AnswerCommand answer, CancellationToken cancellationToken)
    {
        var (turn, map) = (command.Turn, command.Map);
        if (MapFlow.QuestionAt(map.Step) is not { } question)
        {
            return new TurnOutcome().Say(turn.Submit is null && MapFlow.IsOpenForContributions(map.Step)
                ? Strings.HowToContribute
                : Texts.NotUnderstood);
        }

        if (!IsFacilitator(turn, map))
        {
            return OnlyFacilitator(map, Strings.FacilitatorActionAnswer);
        }

        var text = TextRules.Clean(answer.Text, TextRules.AnswerMax, question.Title.ToLowerInvariant(), out var problem);
        if (problem is not null)
        {
            return Refuse(turn, map, problem);
        }

        return await transaction.ChangeAsync(turn, command.Stored, fresh =>
        {
            if (fresh.Step != question.Step)
            {
                return MapChange.Unchanged(new TurnOutcome().Say(Texts.OutdatedCard));
            }

            question.Write(fresh, text);
            fresh.Step = MapFlow.After(fresh.Step)!.Value;
            return MapChange.Saved(ShowStep(turn, new TurnOutcome(), fresh, Strings.SavedAnswer.Fill(("answer", question.Title.ToLowerInvariant()))));
        }, cancellationToken);
    }

    public Task<TurnOutcome> NextAsync(CommandTurn command, NextCommand next, CancellationToken cancellationToken) =>
        MoveAsync(command, forward: true, cancellationToken);

    public Task<TurnOutcome> BackAsync(CommandTurn command, BackCommand back, CancellationToken cancellationToken) =>
        MoveAsync(command, forward: false, cancellationToken);

    private async Task<TurnOutcome> MoveAsync(CommandTurn command, bool forward, CancellationToken cancellationToken)
    {
        var turn = command.Turn;

        // Only the review card shows items; read them only when moving into it.
        var board = forward && command.Map.Step == MapStep.Contribute
            ? await store.GetBoardAsync(turn.Scope.TeamKey, command.Map.Id, cancellationToken)
            : MapBoard.Empty;
        return await transaction.ChangeAsync(turn, command.Stored, map =>
        {
            if (forward && CannotLeave(map) is { } reason)
            {
                return MapChange.Unchanged(Refuse(turn, map, reason));
            }

            var target = forward ? MapFlow.After(map.Step) : MapFlow.Before(map.Step);
            if (target is null)
            {
                return MapChange.Unchanged(new TurnOutcome().Say(forward
                    ? Strings.LastStep
                    : Strings.FirstStep));
            }

            map.Step = target.Value;
            var outcome = ShowStep(turn, new TurnOutcome(), map, note: null, board);
            if (map.Step == MapStep.Contribute && map.ProgressActivityId is null)
            {
                // Contributions open: from now on one card shows everyone's progress.
                outcome.NewProgressCard = new ProgressCardPost(map.Id, ProgressCard.For(map, board));
            }
            else if (PressedOnProgressCard(turn))
            {
                // Its one button leads from the contributions (the board was read) to the review: it
                // shows the new step at once, without its button.
                outcome.CardUpdate = ProgressCard.For(map, board);
            }

            return MapChange.Saved(outcome);
        }, cancellationToken);
    }

    // What keeps the session at its step: the objective is required, and stages are needed to contribute.
    private static string? CannotLeave(JourneyMap map) => map.Step switch
    {
        MapStep.Objective when string.IsNullOrEmpty(map.Objective) => Strings.ObjectiveRequired,
        MapStep.Stages when map.Stages.Count == 0 => Strings.StagesRequired,
        _ => null,
    };
}
