using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Flow.TurnReplies;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>The journey's stages: the template, a whole list, rename, add, remove, move.</summary>
internal sealed class StageHandlers(IMapStore store, MapTransaction transaction)
{
    public async Task<TurnOutcome> EditAsync(CommandTurn command, StagesCommand stages, CancellationToken cancellationToken)
    {
        var (turn, edit) = (command.Turn, stages.Edit);

        // Removing or replacing stages must not orphan items (the facilitator may have gone back to
        // the stages after contributions began): look at the items once, before deciding.
        var board = edit is RemoveStage or SetStages or UseTemplate
            ? await store.GetBoardAsync(turn.Scope.TeamKey, command.Map.Id, cancellationToken)
            : MapBoard.Empty;
        return await transaction.ChangeAsync(turn, command.Stored, fresh =>
        {
            var problem = StageEditor.Apply(fresh, edit, board);
            if (problem is not null)
            {
                return MapChange.Unchanged(Refuse(turn, fresh, problem));
            }

            var list = string.Join(", ", fresh.Stages.Select((s, i) => $"{i + 1}. {s.Name}"));
            var note = Strings.StagesNow.Fill(("stages", Markdown.Escape(list)));
            if (fresh.Step == MapStep.Stages)
            {
                return MapChange.Saved(ShowStep(turn, new TurnOutcome(), fresh, note + " " + Strings.StagesConfirm));
            }

            return MapChange.Saved(new TurnOutcome().Say(note));
        }, cancellationToken);
    }
}
