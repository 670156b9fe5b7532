using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Lifecycle;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// <c>delete map &lt;name&gt;</c> and <c>delete all maps</c>: a map is deleted for good by its
/// facilitator only, after a confirmation card.
/// </summary>
/// <remarks>
/// The facilitator is the one owner the bot knows: Teams tells a bot a member's role as user,
/// guest or anonymous, never whether they own the team (that takes Microsoft Graph). Rights are
/// checked when the card is shown and again when Delete is pressed, so a card forwarded to, or
/// pressed by, someone else deletes nothing.
/// </remarks>
internal sealed class DeletionHandlers(IMapStore store, MapDeletion deletion)
{
    public async Task<TurnOutcome> AskAsync(CommandTurn command, DeleteMapsCommand delete, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
        if (delete.All)
        {
            var mine = await FacilitatedAsync(turn, cancellationToken);
            return mine.Count == 0
                ? new TurnOutcome().Say(Strings.DeleteAllMapsNone)
                : new TurnOutcome().Show(DeletionCards.Confirm([.. mine.Select(m => m.Name)], CardVerbs.AllMaps));
        }

        var wanted = delete.Name.Trim();
        var maps = MapHomes.Here(await store.ListMapsAsync(turn.Scope.TeamKey, cancellationToken), turn.Scope);
        var found = maps.FirstOrDefault(m => m.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase));
        if (found is null || await ReadAsync(turn.Scope.TeamKey, found, cancellationToken) is not { } map)
        {
            return new TurnOutcome().Say(Strings.DeleteMapNotFound.Fill(("map", Markdown.Escape(wanted))));
        }

        return TurnReplies.IsFacilitator(turn, map)
            ? new TurnOutcome().Show(DeletionCards.Confirm([map.Name], map.Id))
            : TurnReplies.OnlyFacilitator(map, Strings.FacilitatorActionDelete);
    }

    public async Task<TurnOutcome> ConfirmAsync(CommandTurn command, ConfirmDeleteCommand confirm, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
        var teamKey = turn.Scope.TeamKey;
        if (confirm.Target == CardVerbs.AllMaps)
        {
            var mine = await FacilitatedAsync(turn, cancellationToken);
            foreach (var map in mine)
            {
                await deletion.DeleteAsync(teamKey, map.Id, cancellationToken);
            }

            return Answered(Strings.DeletedAllMaps.Fill(("count", mine.Count)));
        }

        var summary = await store.GetMapSummaryAsync(teamKey, confirm.Target, cancellationToken);
        if (summary is null || await ReadAsync(teamKey, summary, cancellationToken) is not { } found)
        {
            return Answered(Strings.DeleteMapGone);
        }

        if (!TurnReplies.IsFacilitator(turn, found))
        {
            return TurnReplies.OnlyFacilitator(found, Strings.FacilitatorActionDelete);
        }

        await deletion.DeleteAsync(teamKey, found.Id, cancellationToken);
        return Answered(Strings.DeletedMap.Fill(("map", Markdown.Escape(found.Name))));
    }

    public static Task<TurnOutcome> KeepAsync(CommandTurn command, KeepMapsCommand keep, CancellationToken cancellationToken) =>
        Task.FromResult(Answered(Strings.DeleteKept));

    // Pressed on the card: the card says it, for everyone who sees it. Typed (a client without cards): a message.
    private static TurnOutcome Answered(string text) => new() { CardUpdate = DeletionCards.Answered(text) };

    // The maps of this channel or chat that this member facilitates, as stored now: like maps and
    // open, delete sees no map of another channel, whose members differ.
    private async Task<List<JourneyMap>> FacilitatedAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var mine = new List<JourneyMap>();
        foreach (var summary in MapHomes.Here(await store.ListMapsAsync(turn.Scope.TeamKey, cancellationToken), turn.Scope))
        {
            if (await ReadAsync(turn.Scope.TeamKey, summary, cancellationToken) is { } map && TurnReplies.IsFacilitator(turn, map))
            {
                mine.Add(map);
            }
        }

        return mine;
    }

    private Task<JourneyMap?> ReadAsync(string teamKey, MapSummary summary, CancellationToken cancellationToken) =>
        MapHomes.ReadAsync(store, teamKey, summary, cancellationToken);
}
