using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.StillTrue;

/// <summary>
/// The items of a map nobody confirmed for a review's days, as a "Still true?" card lists them:
/// most-voted first (what the team cares most about), then the longest unconfirmed; at most
/// <see cref="StillTrueCard.ShownItems"/> shown, the rest counted.
/// </summary>
internal static class StillTrueList
{
    /// <summary>The items of <paramref name="map"/> of team <paramref name="teamKey"/> due for confirmation at <paramref name="now"/>.</summary>
    public static StillTrueDue Due(string teamKey, JourneyMap map, MapBoard board, int days, DateTimeOffset now)
    {
        var review = new MapReview(days, now);
        var tally = board.Tally();
        var stages = map.Stages.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        var due = board.Items
            .Where(i => review.IsDue(i, now) && stages.ContainsKey(i.StageId))
            .OrderByDescending(i => tally.GetValueOrDefault(i.Id))
            .ThenBy(i => i.ConfirmedAt ?? i.CreatedAt)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        var shown = due.Take(StillTrueCard.ShownItems).Select(i => new StillTrueLine(i, stages[i.StageId], tally.GetValueOrDefault(i.Id))).ToList();
        return new StillTrueDue(teamKey, map, days, shown, due.Count);
    }
}

/// <summary>The items due for confirmation on a map.</summary>
/// <param name="TeamKey">The map's team.</param>
/// <param name="Map">The map.</param>
/// <param name="Days">The review's days.</param>
/// <param name="Shown">The items the card shows.</param>
/// <param name="Total">How many are due in all.</param>
internal sealed record StillTrueDue(string TeamKey, JourneyMap Map, int Days, IReadOnlyList<StillTrueLine> Shown, int Total)
{
    /// <summary>The card's view for <paramref name="person"/>, with <paramref name="note"/> (✔ or ⚠) under its title.</summary>
    public StillTrueView For(Person person, string? note = null) =>
        new(TeamKey, Map.Id, Map.Name, Days, Shown, Total - Shown.Count, person, note);
}

/// <summary>One item on a "Still true?" card.</summary>
/// <param name="Item">The item as stored.</param>
/// <param name="StageName">Its stage's name.</param>
/// <param name="Votes">The votes it got.</param>
internal sealed record StillTrueLine(MapItem Item, string StageName, int Votes);
