using JourneyBot.Conversation.Cards;

namespace JourneyBot.Conversation.Mapping;

/// <summary>
/// How a published map's future state is made and compared: a map with the same stages (the same
/// ids, so each future stage lines up with its current one), carrying the current state's feelings,
/// top pain points and top opportunities (<see cref="FutureOf"/>). Pure: no storage.
/// </summary>
internal static class FutureStates
{
    /// <summary>How many pain points (to remove) and opportunities (design targets) the brief keeps: the most voted.</summary>
    public const int MaxPoints = 5;

    /// <summary>
    /// The id of <paramref name="currentMapId"/>'s future map. Derived, not stored on the current map:
    /// its cards, versions and page find their future with one point read of the team's shelf, and a
    /// map has one future at most.
    /// </summary>
    public static string IdOf(string currentMapId) => ItemIds.For(currentMapId, "future");

    /// <summary>
    /// The future map of published <paramref name="current"/> with its <paramref name="board"/>: named
    /// <paramref name="name"/>, facilitated by <paramref name="facilitator"/>, open for contributions in
    /// <paramref name="conversationKey"/>, with the current map's objective, persona, scope and stages.
    /// </summary>
    public static JourneyMap Start(JourneyMap current, MapBoard board, string name, Person facilitator, string conversationKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(board);
        var tally = board.Tally();
        var stageIds = current.Stages.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        List<DesignPoint> Top(ItemKind kind) =>
        [
            .. board.Items.Where(i => i.Kind == kind && stageIds.Contains(i.StageId))
                .OrderByDescending(i => tally.GetValueOrDefault(i.Id)).ThenBy(i => i.CreatedAt).Take(MaxPoints)
                .Select(i => new DesignPoint(i.StageId, i.Text, tally.GetValueOrDefault(i.Id), i.Owner)),
        ];

        var baseline = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var stage in current.Stages)
        {
            if (EmotionCurve.ScoreOf(stage, board) is { } score)
            {
                baseline[stage.Id] = score;
            }
        }

        return new JourneyMap
        {
            Id = IdOf(current.Id),
            Name = name,
            Facilitator = facilitator,
            ConversationKey = conversationKey,
            CreatedAt = now,
            Step = MapStep.Contribute,
            Objective = current.Objective,
            Persona = current.Persona,
            StartPoint = current.StartPoint,
            EndPoint = current.EndPoint,
            Stages = [.. current.Stages],
            NextStageNumber = current.NextStageNumber,
            FutureOf = new FutureOf(current.Id, current.Name, current.PublishedVersion)
            {
                Baseline = baseline, Remove = Top(ItemKind.PainPoint), Targets = Top(ItemKind.Opportunity),
            },
        };
    }

    /// <summary>
    /// The current state's feeling for each stage of <paramref name="future"/>, in its stage order (null
    /// for a stage added since, or one the current state has no feeling for): the dashed curve, aligned
    /// by stage id however the future's stages were renamed or moved. Null for a map that is no future.
    /// </summary>
    public static IReadOnlyList<double?>? Baseline(JourneyMap future)
    {
        ArgumentNullException.ThrowIfNull(future);
        return future.FutureOf is { } of
            ? [.. future.Stages.Select(s => of.Baseline.TryGetValue(s.Id, out var score) ? score : (double?)null)]
            : null;
    }
}
