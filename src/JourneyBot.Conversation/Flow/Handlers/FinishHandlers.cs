using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>How a session ends: published for the stakeholders, cancelled, or archived on the team's shelf.</summary>
internal sealed class FinishHandlers(IMapStore store, TimeProvider clock, MapLinks links, MapTransaction transaction)
{
    public async Task<TurnOutcome> PublishAsync(CommandTurn command, PublishCommand publish, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
        var board = await store.GetBoardAsync(turn.Scope.TeamKey, command.Map.Id, cancellationToken);
        return await transaction.ChangeAsync(turn, command.Stored, map =>
        {
            var missing = MapFlow.MissingForPublish(map, board);
            if (missing.Count > 0)
            {
                return MapChange.Unchanged(new TurnOutcome().Say(Strings.CannotPublishYet.Fill(("missing", string.Join("; ", missing)))));
            }

            map.Status = MapStatus.Published;
            map.PublishedAt = clock.GetUtcNow();
            map.PublishedBy = turn.From;
            var outcome = new TurnOutcome().Show(MapCard.For(map, board, links.For(turn.Scope.TeamKey, map.Id),
                Strings.PublishedHereIsMap.Fill(("map", Markdown.Escape(map.Name)))));
            if (turn.Submit is not null)
            {
                outcome.CardUpdate = ReviewCard.For(map, board, Strings.PublishedOnReview);
            }

            return MapChange.Saved(outcome);
        }, cancellationToken);
    }

    public Task<TurnOutcome> CancelAsync(CommandTurn command, CancelCommand cancel, CancellationToken cancellationToken) =>
        EndAsync(command, MapStatus.Cancelled, name => Strings.Cancelled.Fill(("map", name)), cancellationToken);

    public Task<TurnOutcome> ArchiveAsync(CommandTurn command, ArchiveCommand archive, CancellationToken cancellationToken) =>
        EndAsync(command, MapStatus.Archived, name => Strings.Archived.Fill(("map", name)), cancellationToken);

    // Nothing is deleted: the map keeps its items and can be opened again.
    private Task<TurnOutcome> EndAsync(CommandTurn command, MapStatus status, Func<string, string> said, CancellationToken cancellationToken) =>
        transaction.ChangeAsync(command.Turn, command.Stored, map =>
        {
            map.Status = status;
            return MapChange.Saved(new TurnOutcome().Say(said(Markdown.Escape(map.Name))));
        }, cancellationToken);
}
