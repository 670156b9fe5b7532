using System.Globalization;
using System.Text;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>Where the map stands: the status message (or the map card, once published) and the living progress card.</summary>
internal sealed class StatusHandlers(IMapStore store, PublishedCards cards, Rounds.RoundViews rounds)
{
    public async Task<TurnOutcome> StatusAsync(CommandTurn command, StatusCommand status, CancellationToken cancellationToken)
    {
        var board = await store.GetBoardAsync(command.Scope.TeamKey, command.Map.Id, cancellationToken);
        var map = await RecentCopies.ToShowAsync(store, command.Scope, command.Stored, board, cancellationToken);
        if (map.Status == MapStatus.Published)
        {
            var actions = cards.ActionsAsync(command.Scope.TeamKey, map.Id, cancellationToken);
            var related = cards.RelatedAsync(command.Scope.TeamKey, map, cancellationToken);
            await Task.WhenAll(actions, related);
            return new TurnOutcome().Show(cards.For(command.Turn, map, board, await actions, MapCardIntro.Status, await related));
        }

        var (name, facilitator) = (Markdown.Escape(map.Name), Markdown.Escape(map.Facilitator.Name));
        var text = new StringBuilder(map.Status == MapStatus.Active
            ? Strings.StatusOfActive.Fill(("map", name), ("facilitator", facilitator), ("number", MapFlow.Number(map.Step)),
                ("count", MapFlow.Steps.Count), ("step", MapFlow.Title(map.Step).ToLowerInvariant()))
            : Strings.StatusOfFinished.Fill(("map", name), ("facilitator", facilitator), ("status", Vocabulary.Name(map.Status))));
        text.Append("\n\n");
        foreach (var (stage, index) in map.Stages.Select((s, i) => (s, i)))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {index + 1}. {Markdown.Escape(stage.Name)}: {ReviewCard.StageSummary(stage, board)}\n");
        }

        var contributors = board.Items.GroupBy(i => i.Author.Id)
            .Select(g => Strings.StatusContributor.Fill(("member", Markdown.Escape(g.First().Author.Name)),
                ("department", Markdown.Escape(g.First().AuthorDepartment ?? Strings.StatusDepartmentNotGiven)), ("count", g.Count())))
            .ToList();
        text.Append('\n').Append(contributors.Count == 0
            ? Strings.StatusNobodyAdded
            : Strings.StatusContributed.Fill(("contributors", string.Join(", ", contributors))));
        var voters = board.Votes.Count(v => v.Value.Count > 0);
        if (voters > 0)
        {
            text.Append(' ').Append(Strings.VotedCount.Fill(("count", voters)));
        }

        return new TurnOutcome().Say(text.ToString());
    }

    // A refresh of the progress card (Universal Actions) answers with the latest one.
    public async Task<TurnOutcome> ProgressCardAsync(CommandTurn command, ProgressCommand progress, CancellationToken cancellationToken)
    {
        var board = await store.GetBoardAsync(command.Scope.TeamKey, command.Map.Id, cancellationToken);
        var map = await RecentCopies.ToShowAsync(store, command.Scope, command.Stored, board, cancellationToken);
        var round = await rounds.LatestAsync(command.Scope.TeamKey, map, cancellationToken);
        return new TurnOutcome { CardUpdate = ProgressCard.For(map, board, round) };
    }
}
