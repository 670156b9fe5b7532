using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Actions;

/// <summary>
/// The owner's card of an action as stored now, with what it comes from (its map, the stage's pain
/// points, the opportunity's votes): for the host to send to a new owner (<see cref="OwnerNotice"/>),
/// and for every press and refresh of the card.
/// </summary>
public sealed class OwnerCards(IMapStore store, IActionStore actions, TimeProvider clock)
{
    /// <summary>
    /// The card for the owner of the action <paramref name="notice"/> names, as stored now, in the
    /// owner's own Teams' language (their row remembers it; else the one spoken now, the team's);
    /// null when it is no longer stored.
    /// </summary>
    public async Task<OwnerCardMessage?> ForOwnerAsync(OwnerNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var stored = await actions.GetActionAsync(notice.TeamKey, notice.MapId, notice.ActionId, cancellationToken);
        var source = await ReadAsync(notice.TeamKey, notice.MapId, cancellationToken);
        if (stored is null || source is null)
        {
            return null;
        }

        var owner = stored.Action.Owner;
        var row = await store.GetMemberAsync(notice.TeamKey, owner.Id, cancellationToken);
        using var language = Languages.MemberLanguage.Speak(row?.Language);
        return new OwnerCardMessage(owner, Card(View(source, stored.Action, owner))) { Row = row };
    }

    /// <summary>The map and its board, or null when the team has no such map (it was deleted).</summary>
    internal async Task<ActionSource?> ReadAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        if (await store.GetMapSummaryAsync(teamKey, mapId, cancellationToken) is not { } summary)
        {
            return null;
        }

        // A map's document is in the conversation that holds it, or on its shelf line.
        var held = await store.GetLatestConversationMapAsync(new MapScope(teamKey, summary.ConversationKey), cancellationToken);
        var map = held?.Map.Id == mapId ? held.Map : await store.GetShelvedMapAsync(teamKey, mapId, cancellationToken);
        return map is null
            ? null
            : new ActionSource(teamKey, map, await store.GetBoardAsync(teamKey, mapId, cancellationToken), await actions.GetTrackerAsync(teamKey, cancellationToken));
    }

    /// <summary>What the card of <paramref name="action"/> shows to <paramref name="forWhom"/>.</summary>
    internal OwnerCardView View(ActionSource source, OwnedAction action, Person forWhom)
    {
        var (map, board) = (source.Map, source.Board);
        var tally = board.Tally();
        var pains = board.Items.Where(i => i.Kind == ItemKind.PainPoint && i.StageId == action.StageId)
            .Select(i => (i.Text, Votes: tally.GetValueOrDefault(i.Id)))
            .OrderByDescending(p => p.Votes)
            .Take(OwnerCard.ShownPainPoints)
            .ToList();
        var readOnly = map.Status is MapStatus.Archived or MapStatus.Cancelled
            ? Strings.OwnerReadOnly.Fill(("map", Markdown.Escape(map.Name)))
            : null;
        return new OwnerCardView(source.TeamKey, map.Id, map.Name, map.Stages.FirstOrDefault(s => s.Id == action.StageId)?.Name ?? string.Empty,
            action, tally.GetValueOrDefault(action.Id), pains, Colleagues(map, board, action), forWhom,
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), readOnly, source.Tracker);
    }

    /// <summary>The card of <paramref name="view"/>, with <paramref name="note"/>.</summary>
    internal static AdaptiveCard Card(OwnerCardView view, string? note = null) => OwnerCard.For(view, note, ExtraActions(view));

    /// <summary>
    /// The people of the team the map knows (its facilitator, those who added to it, the action's
    /// owners): the picker's choices where the client has no people search, and who may own the action
    /// without a look at the roster.
    /// </summary>
    internal static IReadOnlyList<Person> Colleagues(JourneyMap map, MapBoard board, OwnedAction action) =>
    [
        .. new[] { map.Facilitator, action.Owner, action.CreatedBy }
            .Concat(action.PreviousOwner is { } before ? [before] : [])
            .Concat(board.Items.Select(i => i.Author).Where(a => !AnonymousAuthors.IsAnonymous(a)))
            .DistinctBy(p => p.Id)
            .OrderBy(p => p.Name, StringComparer.CurrentCulture),
    ];

    // Buttons of other features on the owner's card, after its own (at most six show in a row, the
    // card's own take up to five): "Send to Planner" once the team chose a plan, while the action is
    // not sent and not done; a read-only card has none.
    private static IReadOnlyList<CardAction> ExtraActions(OwnerCardView view) =>
        view.ReadOnly is null && TrackerButtons.SendToPlanner(view.TeamKey, view.MapId, view.Action, view.Tracker) is { } send ? [send] : [];
}

/// <summary>An owner's card to send, and to whom.</summary>
/// <param name="Owner">The owner, as the action names them (their Entra object id where Teams gave one).</param>
/// <param name="Card">The card.</param>
public sealed record OwnerCardMessage(Person Owner, AdaptiveCard Card)
{
    /// <summary>The team's row of the owner as read for the card (its language, its 1:1 chat); null when the team keeps none.</summary>
    public TeamMember? Row { get; init; }
}

/// <summary>The map an action belongs to and its board, read once for a card.</summary>
/// <param name="TeamKey">The team.</param>
/// <param name="Map">The map.</param>
/// <param name="Board">Its items and votes.</param>
/// <param name="Tracker">The tracker the team chose for its actions, if any.</param>
internal sealed record ActionSource(string TeamKey, JourneyMap Map, MapBoard Board, TeamTracker? Tracker = null);
