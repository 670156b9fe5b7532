using System.Globalization;
using System.Text;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>Where the map stands: the status message (or the map card, once published) and the living progress card.</summary>
internal sealed class StatusHandlers(IMapStore store, PublishedCards cards, Rounds.RoundViews rounds, CardCache progressCards)
{
    public async Task<TurnOutcome> StatusAsync(CommandTurn command, StatusCommand status, CancellationToken cancellationToken)
    {
        if (command.Map.Status == MapStatus.Published)
        {
            return await PublishedStatusAsync(command, cancellationToken);
        }

        // The kept counts, not the board: status costs the same at 2,000 items as at 10.
        var counts = await store.GetCountsAsync(command.Scope.TeamKey, command.Map.Id, cancellationToken);
        var map = await RecentCopies.ToShowAsync(store, command.Scope, command.Stored, counts, cancellationToken);
        if (map.Status == MapStatus.Published)
        {
            return await PublishedStatusAsync(command, cancellationToken);
        }

        var (name, facilitator) = (Markdown.Escape(map.Name), Markdown.Escape(map.Facilitator.Name));
        var text = new StringBuilder(map.Status == MapStatus.Active
            ? Strings.StatusOfActive.Fill(("map", name), ("facilitator", facilitator), ("number", MapFlow.Number(map.Step)),
                ("count", MapFlow.Steps.Count), ("step", MapFlow.Title(map.Step).ToLowerInvariant()))
            : Strings.StatusOfFinished.Fill(("map", name), ("facilitator", facilitator), ("status", Vocabulary.Name(map.Status))));
        text.Append("\n\n");
        foreach (var (stage, index) in map.Stages.Select((s, i) => (s, i)))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {index + 1}. {Markdown.Escape(stage.Name)}: {ReviewCard.StageSummary(stage, counts)}\n");
        }

        var contributors = counts.Authors
            .Select(a => Strings.StatusContributor.Fill(("member", Markdown.Escape(a.Author.Name)),
                ("department", Markdown.Escape(a.Department ?? Strings.StatusDepartmentNotGiven)), ("count", a.Items)))
            .ToList();
        text.Append('\n').Append(contributors.Count == 0
            ? Strings.StatusNobodyAdded
            : Strings.StatusContributed.Fill(("contributors", string.Join(", ", contributors))));
        if (counts.Voters > 0)
        {
            text.Append(' ').Append(Strings.VotedCount.Fill(("count", counts.Voters)));
        }

        return new TurnOutcome().Say(text.ToString());
    }

    // A published map answers with its map card, which shows the items themselves.
    private async Task<TurnOutcome> PublishedStatusAsync(CommandTurn command, CancellationToken cancellationToken)
    {
        var board = await store.GetBoardAsync(command.Scope.TeamKey, command.Map.Id, cancellationToken);
        var map = await RecentCopies.ToShowAsync(store, command.Scope, command.Stored, board, cancellationToken);
        var actions = cards.ActionsAsync(command.Scope.TeamKey, map.Id, cancellationToken);
        var related = cards.RelatedAsync(command.Scope.TeamKey, map, cancellationToken);
        await Task.WhenAll(actions, related);
        return new TurnOutcome().Show(cards.For(command.Turn, map, board, await actions, MapCardIntro.Status, await related));
    }

    // A refresh of the progress card (Universal Actions) answers with the latest one.
    public async Task<TurnOutcome> ProgressCardAsync(CommandTurn command, ProgressCommand progress, CancellationToken cancellationToken)
    {
        var counts = await store.GetCountsAsync(command.Scope.TeamKey, command.Map.Id, cancellationToken);
        var map = await RecentCopies.ToShowAsync(store, command.Scope, command.Stored, counts, cancellationToken);
        var round = await rounds.LatestAsync(command.Scope.TeamKey, map, cancellationToken);
        // Every member looking at the card asks for it: built once per change, not per viewer.
        return new TurnOutcome { CardUpdate = ProgressCards.CardFor(progressCards, command.Scope, command.Stored, map, counts, round) };
    }
}
