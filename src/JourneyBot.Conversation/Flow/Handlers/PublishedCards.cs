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
    private readonly MapRelations _relations = new(store, links);
    private readonly MapCardCache _cache = new(clock);

    /// <summary>
    /// The map the card links to, the other of a current and future pair: a future map's current state
    /// costs no read, a map's future one read of the shelf (two when it has one to link).
    /// </summary>
    public Task<RelatedMap?> RelatedAsync(string teamKey, JourneyMap map, CancellationToken cancellationToken) =>
        _relations.ForAsync(teamKey, map, cancellationToken);

    /// <summary>The map's actions as stored now: one read, for a turn that shows the card.</summary>
    public Task<MapActions> ActionsAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        actions.GetActionsAsync(teamKey, mapId, cancellationToken);

    /// <summary>
    /// The card of published <paramref name="map"/> for <paramref name="turn"/>'s conversation, opened by <paramref name="intro"/>'s words,
    /// linking <paramref name="related"/> (<see cref="RelatedAsync"/>); without it, a future map still links its current state.
    /// </summary>
    public AdaptiveCard For(UserTurn turn, JourneyMap map, MapBoard board, MapActions mapActions, MapCardIntro intro, RelatedMap? related = null)
    {
        var name = Markdown.Escape(map.Name);
        var words = intro == MapCardIntro.Status
            ? Strings.StatusPublishedIntro.Fill(("map", name))
            : Strings.PublishedHereIsMap.Fill(("map", name));
        return MapCard.For(map, board, links.For(turn.Scope.TeamKey, map.Id, map.PublishedVersion), words,
            ActionsOnDay.On(mapActions, clock), MapCard.Refresh(map, intro, turn.TeamsId), related ?? _relations.CurrentOf(turn.Scope.TeamKey, map));
    }

    /// <summary>
    /// The card's refresh (Universal Actions, whenever a member looks at it): the version it shows, as
    /// published, with the actions read back from their tracker and as stored now. The map's shelf line
    /// (one point read: a deleted map's card says so) and the actions, side by side, plus what the
    /// tracker's read-back costs, shared by the members looking at once; a card already built for the
    /// same version, actions and related map (<see cref="MapCardCache"/>) is answered without reading
    /// the version or building the card again. Nothing is written here.
    /// </summary>
    public async Task<TurnOutcome> RefreshAsync(CommandTurn command, RefreshMapCardCommand refresh, CancellationToken cancellationToken)
    {
        var teamKey = command.Turn.Scope.TeamKey;
        if (refresh.MapId.Length == 0 || refresh.Version < 1)
        {
            return new TurnOutcome().Say(Texts.OutdatedCard);
        }

        // The map is looked for in the team the card is in: a card cannot show another team's map.
        var line = store.GetMapSummaryAsync(teamKey, refresh.MapId, cancellationToken);
        var current = tracker.SyncMapAsync(teamKey, refresh.MapId, command.Turn.TenantId, cancellationToken);
        var kept = _cache.MapOf(teamKey, refresh.MapId, refresh.Version);
        var published = kept is null ? store.GetPublishedAsync(teamKey, refresh.MapId, refresh.Version, cancellationToken) : null;
        await Task.WhenAll(line, current, published ?? Task.FromResult<PublishedMap?>(null));
        var map = kept ?? (published is null ? null : (await published)?.Map);
        if (await line is null || map is null)
        {
            return new TurnOutcome().Say(Strings.MapCardGone);
        }

        if (published is not null)
        {
            _cache.KeepMap(teamKey, refresh.MapId, refresh.Version, map);
        }

        // Its future may have been started since it was published: the version does not say, the shelf does.
        var related = await RelatedAsync(teamKey, map, cancellationToken);
        var key = _cache.CardKey(teamKey, refresh.MapId, refresh.Version, refresh.Intro, command.Turn.TeamsId, await current, related);
        if (_cache.CardOf(key) is { } card)
        {
            return new TurnOutcome { CardUpdate = card };
        }

        var shown = published is null ? await store.GetPublishedAsync(teamKey, refresh.MapId, refresh.Version, cancellationToken) : await published;
        if (shown is null)
        {
            return new TurnOutcome().Say(Strings.MapCardGone);
        }

        card = For(command.Turn, shown.Map, shown.Board, await current, refresh.Intro, related);
        _cache.KeepCard(key, card);
        return new TurnOutcome { CardUpdate = card };
    }
}
