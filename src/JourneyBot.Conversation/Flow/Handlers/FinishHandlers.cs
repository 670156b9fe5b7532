using System.Text.Json;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>How a session ends: published for the stakeholders, cancelled, or archived on the team's shelf.</summary>
internal sealed class FinishHandlers(IMapStore store, TimeProvider clock, PublishedCards cards, MapTransaction transaction)
{
    public async Task<TurnOutcome> PublishAsync(CommandTurn command, PublishCommand publish, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
        var board = await store.GetBoardAsync(turn.Scope.TeamKey, command.Map.Id, cancellationToken);
        var (version, publishedAt) = (command.Map.PublishedVersion + 1, clock.GetUtcNow());

        // The top-voted opportunities must each be an action with an owner, or parked; the same read
        // gives the published card its actions.
        var actions = await cards.ActionsAsync(turn.Scope.TeamKey, command.Map.Id, cancellationToken);
        var related = await cards.RelatedAsync(turn.Scope.TeamKey, command.Map, cancellationToken); // the other map of a current and future pair
        var undecided = TopOpportunities.Undecided(board, actions);
        if (MapFlow.MissingForPublish(command.Map, board).Count == 0 && undecided.Count == 0)
        {
            await store.PutPublishedAsync(turn.Scope.TeamKey, command.Map.Id, version,
                new PublishedMap(Published(Copy(command.Map), turn.From, publishedAt, version), board), cancellationToken);
        }

        return await transaction.ChangeAsync(turn, command.Stored, map =>
        {
            var missing = MapFlow.MissingForPublish(map, board);
            if (missing.Count > 0 || undecided.Count > 0)
            {
                return MapChange.Unchanged(new TurnOutcome().Say(PublishGate.Refusal(missing, undecided)));
            }

            Published(map, turn.From, publishedAt, version);
            var outcome = new TurnOutcome().Show(cards.For(turn, map, board, actions, MapCardIntro.Published, related));
            if (turn.Submit is not null)
            {
                outcome.CardUpdate = ReviewCard.For(map, board, Strings.PublishedOnReview, actions: actions);
            }

            return MapChange.Saved(outcome);
        }, cancellationToken);
    }

    // The stamps of a publication. The version is kept (PutPublishedAsync) before the map names it, so
    // a link never names a version that is not there; a publish that then fails leaves a version no
    // map names, which the next publish overwrites.
    private static JourneyMap Published(JourneyMap map, Person by, DateTimeOffset at, int version)
    {
        map.Status = MapStatus.Published;
        map.PublishedAt = at;
        map.PublishedBy = by;
        map.PublishedVersion = version;
        return map;
    }

    // The version keeps a map of its own: the turn's map is still the one the transaction starts from.
    private static JourneyMap Copy(JourneyMap map) =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(map, MapJson.Storage.JourneyMap), MapJson.Storage.JourneyMap)!;

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
