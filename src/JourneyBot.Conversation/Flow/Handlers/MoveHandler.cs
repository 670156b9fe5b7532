using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Flow.TurnReplies;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// <c>move &lt;name&gt;</c>: the facilitator brings a map of theirs from another channel or chat of the
/// team (off the shelf, or out of the conversation holding it) into this one, which it then
/// belongs to (<see cref="MapHomes"/>). Moving shows the map to this conversation's members, so it
/// is the facilitator's decision alone; its status stays as it was.
/// </summary>
internal sealed class MoveHandler(IMapStore store)
{
    public async Task<TurnOutcome> MoveAsync(CommandTurn command, MoveMapCommand move, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
        var wanted = move.Name.Trim();
        var maps = await store.ListMapsAsync(turn.Scope.TeamKey, cancellationToken);
        if (MapHomes.Here(maps, turn.Scope).Any(m => m.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase)))
        {
            return new TurnOutcome().Say(Strings.MoveAlreadyHere.Fill(("map", Markdown.Escape(wanted))));
        }

        var (source, heldBy) = await FindOwnAsync(turn, maps, wanted, cancellationToken);
        if (source is null)
        {
            // The same answer whether another conversation has no such map or someone else's: names of
            // maps this member does not facilitate are not theirs to learn here.
            return new TurnOutcome().Say(Strings.MoveNotFound.Fill(("map", Markdown.Escape(wanted))));
        }

        var current = await store.GetLatestConversationMapAsync(turn.Scope, cancellationToken);
        if (current?.Map.Status == MapStatus.Active)
        {
            return new TurnOutcome().Say(Strings.MoveWhileMapping.Fill(("map", Markdown.Escape(current.Map.Name))));
        }

        var map = source.Map;
        map.ConversationKey = turn.Scope.ConversationKey;
        map.ProgressActivityId = null; // its progress card is a message of the conversation it leaves
        map.Remember(turn.ActivityId);
        if (await store.TryTakeAsync(turn.Scope, source, heldBy, current, cancellationToken) is null)
        {
            return new TurnOutcome().Say(Texts.Busy);
        }

        var moved = Strings.Moved.Fill(("map", Markdown.Escape(map.Name)));
        return map.Status == MapStatus.Active
            ? ShowStep(turn, new TurnOutcome(), map, intro: moved)
            : new TurnOutcome().Say(moved + " " + NotActive(map));
    }

    // The newest map called so in another conversation that this member facilitates, with the
    // conversation holding it (null: it is on the shelf), as read there.
    private async Task<(StoredMap? Map, MapScope? HeldBy)> FindOwnAsync(UserTurn turn, IReadOnlyList<MapSummary> maps, string wanted,
        CancellationToken cancellationToken)
    {
        var elsewhere = maps.Where(m => m.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase)
            && !MapHomes.IsHere(m.ConversationKey, turn.Scope));
        foreach (var summary in elsewhere)
        {
            if (await store.GetShelvedAsync(turn.Scope.TeamKey, summary.Id, cancellationToken) is { } shelved)
            {
                if (IsFacilitator(turn, shelved.Map))
                {
                    return (shelved, null);
                }

                continue;
            }

            var holder = turn.Scope with { ConversationKey = summary.ConversationKey };
            if (await store.GetLatestConversationMapAsync(holder, cancellationToken) is { } held
                && held.Map.Id == summary.Id && IsFacilitator(turn, held.Map))
            {
                return (held, holder);
            }
        }

        return (null, null);
    }
}
