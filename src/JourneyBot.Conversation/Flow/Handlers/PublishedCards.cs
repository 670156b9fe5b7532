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
internal sealed class PublishedCards(IMapStore store, IActionStore actions, IActionTrackerSync tracker, MapLinks links, TimeProvider clock, CardCache kept)
{
    private readonly MapRelations _relations = new(store, links);

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
    /// published, with the actions read back from their tracker and as stored now. Two storage reads,
    /// side by side (the read-back answers the actions it read), plus what the tracker's read-back
    /// costs, shared by the members looking at once; nothing else is written here. The card is built
    /// once per change (<see cref="KeptFor"/>), not once per member looking.
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
            ? new TurnOutcome
            {
                // Its future may have been started since it was published: the version does not say, the shelf does.
                CardUpdate = KeptFor(command.Turn, shown, await current, refresh.Intro,
                    await RelatedAsync(teamKey, shown.Map, cancellationToken)),
            }
            : new TurnOutcome().Say(Strings.MapCardGone);
    }

    // A published version never changes: its card changes only with what is shown beside it, the
    // actions, the related map and the day (overdue marks, and the links' expiry stays within a day of
    // a new link's). Whom the card refreshes for is the viewer's alone: the card is kept for the length of
    // their id (the size budget counts it) and given the viewer's refresh on a copy.
    private AdaptiveCard KeptFor(UserTurn turn, PublishedMap shown, MapActions mapActions, MapCardIntro intro, RelatedMap? related)
    {
        var today = ActionsOnDay.On(mapActions, clock).Today;
        var slot = CardCache.Slot("map", turn.Scope.TeamKey, shown.Map.Id, shown.Map.PublishedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            intro.ToString(), (turn.TeamsId?.Length ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var version = string.Join('\n', [
            today.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            // What the card shows of the related map, not its link: a link is signed with its expiry, a new one each second.
            related is null ? null : string.Join('|', related.Name, related.IsFuture, related.Status, related.Deleted, related.Link is null),
            .. mapActions.Actions.Select(a => System.Text.Json.JsonSerializer.Serialize(a, MapJson.Storage.OwnedAction)),
            .. mapActions.Parked.Select(p => System.Text.Json.JsonSerializer.Serialize(p, MapJson.Storage.ParkedOpportunity)),
        ]);
        var card = kept.GetOrBuild(slot, version, () => For(turn, shown.Map, shown.Board, mapActions, intro, related));
        return card with { Refresh = MapCard.Refresh(shown.Map, intro, turn.TeamsId) };
    }
}
