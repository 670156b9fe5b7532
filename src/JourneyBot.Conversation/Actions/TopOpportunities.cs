using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Actions;

/// <summary>
/// The opportunities a map must act on before it is published: the three with the most votes.
/// The review card offers "Make it an action" on these, and publishing waits until each is an
/// action with an owner or parked with a reason.
/// </summary>
/// <remarks>
/// Only opportunities someone voted for count: one nobody voted for is no priority of the team's,
/// so a map with fewer voted opportunities asks for fewer (none when nobody voted for one). Ties
/// go to the opportunity added first, the order the published map lists its top opportunities
/// in, so the gate never asks about one the map card does not show at the top.
/// </remarks>
internal static class TopOpportunities
{
    /// <summary>How many top-voted opportunities publishing asks an owner or a reason for.</summary>
    public const int Count = 3;

    /// <summary>The top-voted opportunities of <paramref name="board"/>, most votes first, with their votes.</summary>
    public static IReadOnlyList<(MapItem Item, int Votes)> Of(MapBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var tally = board.Tally();
        return [.. board.Items
            .Where(i => i.Kind == ItemKind.Opportunity && tally.GetValueOrDefault(i.Id) > 0)
            .OrderByDescending(i => tally[i.Id]).ThenBy(i => i.CreatedAt)
            .Take(Count)
            .Select(i => (i, tally[i.Id]))];
    }

    /// <summary>The top-voted opportunities that are neither an action nor parked: what keeps the map from being published.</summary>
    public static IReadOnlyList<(MapItem Item, int Votes)> Undecided(MapBoard board, MapActions actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return [.. Of(board).Where(top => !actions.IsDecided(top.Item.Id))];
    }
}
