using System.Globalization;
using System.Text;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>Where the map stands: the status message (or the map card, once published) and the living progress card.</summary>
internal sealed class StatusHandlers(IMapStore store, MapLinks links)
{
    public async Task<TurnOutcome> StatusAsync(CommandTurn command, StatusCommand status, CancellationToken cancellationToken)
    {
        var map = command.Map;
        var board = await store.GetBoardAsync(command.Scope.TeamKey, map.Id, cancellationToken);
        if (map.Status == MapStatus.Published)
        {
            return new TurnOutcome().Show(MapCard.For(map, board, links.For(command.Scope.TeamKey, map.Id)), $"“{Markdown.Escape(map.Name)}” is published:");
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**{Markdown.Escape(map.Name)}**, facilitated by {Markdown.Escape(map.Facilitator.Name)}: ");
        text.Append(map.Status == MapStatus.Active
            ? $"step {MapFlow.Number(map.Step)} of {MapFlow.Steps.Count}, {MapFlow.Title(map.Step).ToLowerInvariant()}.\n\n"
            : $"{map.Status.ToString().ToLowerInvariant()}.\n\n");
        foreach (var (stage, index) in map.Stages.Select((s, i) => (s, i)))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {index + 1}. {Markdown.Escape(stage.Name)}: {ReviewCard.StageSummary(stage, board)}\n");
        }

        var contributors = board.Items.GroupBy(i => i.Author.Id)
            .Select(g => $"{Markdown.Escape(g.First().Author.Name)} ({Markdown.Escape(g.First().AuthorDepartment ?? "department not given")}, {g.Count()})")
            .ToList();
        text.Append(contributors.Count == 0
            ? "\nNobody has added anything yet."
            : $"\n**Contributed:** {string.Join(", ", contributors)}.");
        var voters = board.Votes.Count(v => v.Value.Count > 0);
        if (voters > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" **Voted:** {voters} member{(voters == 1 ? string.Empty : "s")}.");
        }

        return new TurnOutcome().Say(text.ToString());
    }

    // A refresh of the progress card (Universal Actions) answers with the latest one.
    public async Task<TurnOutcome> ProgressCardAsync(CommandTurn command, ProgressCommand progress, CancellationToken cancellationToken)
    {
        var board = await store.GetBoardAsync(command.Scope.TeamKey, command.Map.Id, cancellationToken);
        return new TurnOutcome { CardUpdate = ProgressCard.For(command.Map, board) };
    }
}
