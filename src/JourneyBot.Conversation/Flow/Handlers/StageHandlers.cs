using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Stages;
using static JourneyBot.Conversation.Flow.TurnReplies;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// The journey's stages: a template (the team's or the bot's), a whole list, rename, add, remove,
/// move; and what the customer expects in each and what moves them on.
/// </summary>
internal sealed class StageHandlers(IMapStore store, MapTransaction transaction, IStageTemplateStore templates)
{
    public async Task<TurnOutcome> EditAsync(CommandTurn command, StagesCommand stages, CancellationToken cancellationToken)
    {
        var (turn, edit) = (command.Turn, stages.Edit);
        if (edit is UseTemplate { Name: { Length: > 0 } name })
        {
            // Named: the team's templates first, then the bot's; the five-stage one needs no read.
            var offered = StageTemplates.Offered(await templates.ListAsync(turn.Scope.TeamKey, cancellationToken));
            if (StageTemplates.Find(offered, name, out var unknown) is not { } template)
            {
                return Refuse(turn, command.Map, unknown!);
            }

            edit = new ApplyTemplate(template);
        }

        // Removing or replacing stages must not orphan items (the facilitator may have gone back to
        // the stages after contributions began): look at the items once, before deciding.
        var board = edit is RemoveStage or SetStages or UseTemplate or ApplyTemplate
            ? await store.GetBoardAsync(turn.Scope.TeamKey, command.Map.Id, cancellationToken)
            : MapBoard.Empty;
        return await transaction.ChangeAsync(turn, command.Stored, fresh =>
        {
            var problem = StageEditor.Apply(fresh, edit, board);
            if (problem is not null)
            {
                return MapChange.Unchanged(Refuse(turn, fresh, problem));
            }

            // The stages card's folded details, sent with "Save stages": kept for the stages still there.
            if (edit is SetStages { Details: { Count: > 0 } details })
            {
                var staying = details.Where(d => fresh.Stages.Any(s => s.Id == d.Stage)).ToList();
                if (staying.Count > 0 && StageDetails.Apply(fresh, new StageDetailsCommand(staying, Typed: false)) is { } detailProblem)
                {
                    return MapChange.Unchanged(Refuse(turn, fresh, detailProblem));
                }
            }

            var note = Strings.StagesNow.Fill(("stages", Markdown.Escape(Numbered(fresh))));
            if (fresh.Step == MapStep.Stages)
            {
                return MapChange.Saved(ShowStep(turn, new TurnOutcome(), fresh, note + " " + Strings.StagesConfirm));
            }

            return MapChange.Saved(new TurnOutcome().Say(note));
        }, cancellationToken);
    }

    /// <summary>What the customer expects in a stage and what moves them on: anyone's, once there are stages.</summary>
    public Task<TurnOutcome> DetailsAsync(CommandTurn command, StageDetailsCommand details, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
        return transaction.ChangeAsync(turn, command.Stored, fresh =>
        {
            if (StageDetails.Apply(fresh, details) is { } problem)
            {
                return MapChange.Unchanged(Refuse(turn, fresh, problem));
            }

            var said = details.Details.Count == 1 ? StageEditor.Find(fresh, details.Details[0].Stage, out _) : null;
            var note = !details.Typed || said is null
                ? Strings.StageDetailsSaved.Fill(("count", details.Details.Count))
                : details.Details[0].Expects is not null
                    ? Strings.ExpectsSaved.Fill(("stage", Markdown.Escape(said.Name)))
                    : Strings.MovesOnSaved.Fill(("stage", Markdown.Escape(said.Name)));
            return MapChange.Saved(turn.Submit is not null && fresh.Step == MapStep.Stages
                ? ShowStep(turn, new TurnOutcome(), fresh, note)
                : new TurnOutcome().Say(note));
        }, cancellationToken);
    }

    /// <summary><c>templates</c>: the team's own first, then the bot's.</summary>
    public async Task<TurnOutcome> ListAsync(CommandTurn command, TemplatesCommand list, CancellationToken cancellationToken)
    {
        var offered = StageTemplates.Offered(await templates.ListAsync(command.Turn.Scope.TeamKey, cancellationToken));
        var lines = offered.Select(t => t.IsTeams
            ? Strings.TemplateLineTeams.Fill(("name", Markdown.Escape(t.Name)), ("stages", Markdown.Escape(StageTemplates.StageList(t))))
            : Strings.TemplateLine.Fill(("name", Markdown.Escape(t.Name)), ("stages", Markdown.Escape(StageTemplates.StageList(t)))));
        return new TurnOutcome().Say(Strings.TemplatesList.Fill(("lines", string.Join("\n", lines))));
    }

    /// <summary><c>save stages as &lt;name&gt;</c>: the map's stages, with what the team said of them, become one of the team's templates.</summary>
    public async Task<TurnOutcome> SaveAsync(CommandTurn command, SaveStagesCommand save, CancellationToken cancellationToken)
    {
        var (turn, map) = (command.Turn, command.Map);
        if (save.Name.Trim().Length == 0)
        {
            return new TurnOutcome().Say(Strings.TemplateNameMissing);
        }

        var name = TextRules.Clean(save.Name, TextRules.ShortMax, Strings.NounTemplateName, out var problem);
        if (problem is not null)
        {
            return new TurnOutcome().Say(problem);
        }

        if (map.Stages.Count == 0)
        {
            return TurnOutcome.RefusalOnMap(Strings.StagesRequired);
        }

        var team = await templates.ListAsync(turn.Scope.TeamKey, cancellationToken);
        var replacing = team.Any(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (!replacing && team.Count >= StageTemplates.MaxTeamTemplates)
        {
            return new TurnOutcome().Say(Strings.TemplatesAtMost.Fill(("max", StageTemplates.MaxTeamTemplates)));
        }

        var template = StageTemplates.FromMap(name, map);
        await templates.PutAsync(turn.Scope.TeamKey, template, cancellationToken);
        var (named, stages) = (Markdown.Escape(name), Markdown.Escape(StageTemplates.StageList(template)));
        return new TurnOutcome().Say(replacing
            ? Strings.TemplateReplaced.Fill(("name", named), ("stages", stages))
            : Strings.TemplateSaved.Fill(("name", named), ("stages", stages)));
    }

    /// <summary><c>delete template &lt;name&gt;</c>: one of the team's templates (the bot's own stay).</summary>
    public async Task<TurnOutcome> DeleteAsync(CommandTurn command, DeleteTemplateCommand delete, CancellationToken cancellationToken)
    {
        var name = delete.Name.Trim();
        if (name.Length == 0)
        {
            // Nothing named: which there are, to name one.
            return await ListAsync(command, new TemplatesCommand(), cancellationToken);
        }

        return await templates.DeleteAsync(command.Turn.Scope.TeamKey, name, cancellationToken)
            ? new TurnOutcome().Say(Strings.TemplateDeleted.Fill(("name", Markdown.Escape(name))))
            : new TurnOutcome().Say(Strings.TemplateNotTeams.Fill(("name", Markdown.Escape(name))));
    }

    private static string Numbered(JourneyMap map) => string.Join(", ", map.Stages.Select((s, i) => $"{i + 1}. {s.Name}"));
}
