using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// The published map's card wherever it is shown (publish, <c>status</c>) and its refresh: the map
/// with its actions as stored now, links to the full map, and a refresh that asks for it again.
/// Actions are read only where this card is shown, never on the turns that make the map.
/// </summary>
internal sealed class PublishedCards(IMapStore store, IActionStore actions, IActionTrackerSync tracker, MapLinks links, TimeProvider clock)
{
    /// <summary>The map's actions as stored now: one read, for a turn that shows the card.</summary>
    public Task<MapActions> ActionsAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        actions.GetActionsAsync(teamKey, mapId, cancellationToken);

    /// <summary>The card of published <paramref name="map"/> for <paramref name="turn"/>'s conversation, opened by <paramref name="intro"/>'s words.</summary>
    public AdaptiveCard For(UserTurn turn, JourneyMap map, MapBoard board, MapActions mapActions, MapCardIntro intro)
    {
        var name = Markdown.Escape(map.Name);
        var words = intro == MapCardIntro.Status
            ? Strings.StatusPublishedIntro.Fill(("map", name))
            : Strings.PublishedHereIsMap.Fill(("map", name));
        return MapCard.For(map, board, links.For(turn.Scope.TeamKey, map.Id, map.PublishedVersion), words,
            ActionsOnDay.On(mapActions, clock), MapCard.Refresh(map, intro, turn.TeamsId));
    }

    /// <summary>
    /// The card's refresh (Universal Actions, whenever a member looks at it): the version it shows, as
    /// published, with the actions read back from their tracker and as stored now. Two storage reads,
    /// side by side (the read-back answers the actions it read), plus what the tracker's read-back
    /// costs, shared by the members looking at once; nothing else is written here.
    /// </summary>
    public async Task<TurnOutcome> RefreshAsync(CommandTurn command, RefreshMapCardCommand refresh, CancellationToken cancellationToken)
    {
        var teamKey = command.Turn.Scope.TeamKey;
        if (refresh.MapId.Length == 0 || refresh.Version < 1)
        {
            return new TurnOutcome().Say(Texts.OutdatedCard);
        }

        // The map is looked for in the team the card is in: a card cannot show another team's map.
        var published = store.GetPublishedAsync(teamKey, refresh.MapId, refresh.Version, cancellationToken);
        var current = tracker.SyncMapAsync(teamKey, refresh.MapId, command.Turn.TenantId, cancellationToken);
        await Task.WhenAll(published, current);
        return await published is { } shown
            ? new TurnOutcome { CardUpdate = For(command.Turn, shown.Map, shown.Board, await current, refresh.Intro) }
            : new TurnOutcome().Say(Strings.MapCardGone);
    }
}
