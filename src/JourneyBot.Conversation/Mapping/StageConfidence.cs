using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Mapping;

/// <summary>
/// How far a stage rests on what the team has seen for itself: how many of its items are observed,
/// of all its items ("Purchase: 1 of 7 observed"). Reported and assumed items, and those whose author
/// has not said, count in the total only: the point is to show how much is still to be checked.
/// </summary>
/// <param name="Observed">Items of the stage seen in data or in person.</param>
/// <param name="Total">All items of the stage, emotions included (each carries its evidence too).</param>
internal readonly record struct StageConfidence(int Observed, int Total)
{
    /// <summary>The confidence of <paramref name="stage"/> given the map's <paramref name="items"/>.</summary>
    public static StageConfidence Of(Stage stage, IEnumerable<MapItem> items)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(items);
        var (observed, total) = (0, 0);
        foreach (var item in items.Where(i => i.StageId == stage.Id))
        {
            total++;
            observed += item.Evidence == Evidence.Observed && !item.EvidenceUnsaid ? 1 : 0;
        }

        return new StageConfidence(observed, total);
    }

    /// <summary>Whether nothing in the stage is observed (also when it has no items at all).</summary>
    public bool NothingObserved => Observed == 0;

    /// <summary>"1 of 7 observed", or null for a stage without items (its emptiness is told elsewhere).</summary>
    public string? Line() =>
        Total == 0 ? null : Strings.StageConfidence.Fill(("observed", Observed), ("total", Total));
}
