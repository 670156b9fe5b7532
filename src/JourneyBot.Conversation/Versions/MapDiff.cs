using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Versions;

/// <summary>
/// What changed between two published versions of a map: stages added, removed or renamed; per
/// stage, touchpoints added and removed, the feeling before and after, pain points resolved (with
/// the actions of that stage done since); items whose evidence rose. A pure function of the two
/// versions, matched by stage and item ids, so a rename or an edit is not a removal and an addition.
/// </summary>
/// <param name="From">The earlier version's number.</param>
/// <param name="To">The later version's number.</param>
/// <param name="StagesAdded">Stages of the later version the earlier one did not have, in the later order.</param>
/// <param name="StagesRemoved">Stages of the earlier version gone from the later one, in the earlier order.</param>
/// <param name="StagesRenamed">Stages kept under another name.</param>
/// <param name="Stages">One entry per stage of the later version, in its order.</param>
/// <param name="EvidenceGained">Items in both versions whose evidence rose (assumed → reported → observed).</param>
/// <param name="EarlierScores">The earlier version's feeling per stage of the later one (null where it had none or no such stage), for the two-curve picture.</param>
/// <param name="LaterScores">The later version's feeling per stage.</param>
public sealed record MapDiff(
    int From,
    int To,
    IReadOnlyList<Stage> StagesAdded,
    IReadOnlyList<Stage> StagesRemoved,
    IReadOnlyList<StageRename> StagesRenamed,
    IReadOnlyList<StageDiff> Stages,
    IReadOnlyList<EvidenceGain> EvidenceGained,
    IReadOnlyList<double?> EarlierScores,
    IReadOnlyList<double?> LaterScores)
{
    /// <summary>The stages in which something changed, in the later order.</summary>
    public IEnumerable<StageDiff> Changed => Stages.Where(s => s.HasChanges);

    /// <summary>Whether nothing the diff looks at changed.</summary>
    public bool IsEmpty => StagesAdded.Count == 0 && StagesRemoved.Count == 0 && StagesRenamed.Count == 0
        && EvidenceGained.Count == 0 && !Changed.Any();

    /// <summary>The entry of stage <paramref name="stageId"/> of the later version, or null.</summary>
    public StageDiff? Stage(string stageId) => Stages.FirstOrDefault(s => s.Stage.Id == stageId);

    /// <summary>What changed from <paramref name="earlier"/> to <paramref name="later"/>.</summary>
    public static MapDiff Between(PublishedMap earlier, PublishedMap later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var before = earlier.Map.Stages.ToDictionary(s => s.Id);
        var after = later.Map.Stages.Select(s => s.Id).ToHashSet();
        var earlierItems = earlier.Board.Items.ToDictionary(i => i.Id);
        var laterIds = later.Board.Items.Select(i => i.Id).ToHashSet();
        var doneSince = DoneSince(earlier.Actions, later.Actions);

        var stages = later.Map.Stages.Select(stage =>
        {
            var was = before.TryGetValue(stage.Id, out var kept) ? kept : null;
            var pains = was is null
                ? []
                : earlier.Board.Items.Where(i => i.StageId == stage.Id && i.Kind == ItemKind.PainPoint && !laterIds.Contains(i.Id))
                    .Select(p => new ResolvedPainPoint(p, [.. doneSince.Where(a => a.StageId == stage.Id)])).ToList();
            return new StageDiff(
                stage,
                IsNew: was is null,
                [.. later.Board.Items.Where(i => i.StageId == stage.Id && i.Kind == ItemKind.Touchpoint && !earlierItems.ContainsKey(i.Id))],
                was is null ? [] : [.. earlier.Board.Items.Where(i => i.StageId == stage.Id && i.Kind == ItemKind.Touchpoint && !laterIds.Contains(i.Id))],
                was is null ? null : EmotionCurve.ScoreOf(was, earlier.Board),
                EmotionCurve.ScoreOf(stage, later.Board),
                pains);
        }).ToList();

        var gained = later.Board.Items
            .Where(i => earlierItems.TryGetValue(i.Id, out var was) && Strength(i.Evidence) > Strength(was.Evidence))
            .Select(i => new EvidenceGain(i, earlierItems[i.Id].Evidence, i.Evidence)).ToList();

        return new MapDiff(
            earlier.Map.PublishedVersion,
            later.Map.PublishedVersion,
            [.. later.Map.Stages.Where(s => !before.ContainsKey(s.Id))],
            [.. earlier.Map.Stages.Where(s => !after.Contains(s.Id))],
            [.. later.Map.Stages.Where(s => before.TryGetValue(s.Id, out var was) && was.Name != s.Name).Select(s => new StageRename(before[s.Id], s))],
            stages,
            gained,
            [.. stages.Select(s => s.FeelingBefore)],
            [.. stages.Select(s => s.FeelingAfter)]);
    }

    // The actions done in the later version that were not done in the earlier one (all done ones when
    // the earlier version kept no actions: it was published before versions held them).
    private static List<OwnedAction> DoneSince(MapActions? earlier, MapActions? later)
    {
        var doneBefore = earlier?.Actions.Where(a => a.Status == ActionStatus.Done).Select(a => a.Id).ToHashSet() ?? [];
        return [.. (later?.Actions ?? []).Where(a => a.Status == ActionStatus.Done && !doneBefore.Contains(a.Id))];
    }

    // Observed is the strongest; the enum lists it first.
    private static int Strength(Evidence evidence) => evidence switch
    {
        Evidence.Observed => 2,
        Evidence.Reported => 1,
        _ => 0,
    };
}

/// <summary>A stage kept under another name.</summary>
/// <param name="Before">As it was named.</param>
/// <param name="After">As it is named now.</param>
public sealed record StageRename(Stage Before, Stage After);

/// <summary>What changed in one stage of the later version.</summary>
/// <param name="Stage">The stage, as the later version names it.</param>
/// <param name="IsNew">Whether the earlier version did not have it.</param>
/// <param name="TouchpointsAdded">Touchpoints the earlier version did not have.</param>
/// <param name="TouchpointsRemoved">Touchpoints of the earlier version gone since.</param>
/// <param name="FeelingBefore">The earlier average feeling, or null.</param>
/// <param name="FeelingAfter">The later average feeling, or null.</param>
/// <param name="PainPointsResolved">Pain points of the earlier version gone since.</param>
public sealed record StageDiff(
    Stage Stage,
    bool IsNew,
    IReadOnlyList<MapItem> TouchpointsAdded,
    IReadOnlyList<MapItem> TouchpointsRemoved,
    double? FeelingBefore,
    double? FeelingAfter,
    IReadOnlyList<ResolvedPainPoint> PainPointsResolved)
{
    /// <summary>Whether the feeling changed as the cards show it (to one decimal), or was given or taken away.</summary>
    public bool FeelingChanged => Math.Round(FeelingBefore ?? double.NaN, 1) != Math.Round(FeelingAfter ?? double.NaN, 1)
        && !(FeelingBefore is null && FeelingAfter is null);

    /// <summary>Whether anything in the stage changed.</summary>
    public bool HasChanges => TouchpointsAdded.Count > 0 || TouchpointsRemoved.Count > 0 || PainPointsResolved.Count > 0 || FeelingChanged;
}

/// <summary>A pain point gone since the earlier version, with the actions of its stage done since (none: it went without one).</summary>
/// <param name="PainPoint">The pain point as the earlier version had it.</param>
/// <param name="DoneActions">The actions of its stage done since.</param>
public sealed record ResolvedPainPoint(MapItem PainPoint, IReadOnlyList<OwnedAction> DoneActions);

/// <summary>An item whose evidence rose.</summary>
/// <param name="Item">The item as the later version has it.</param>
/// <param name="Before">Its evidence then.</param>
/// <param name="After">Its evidence now.</param>
public sealed record EvidenceGain(MapItem Item, Evidence Before, Evidence After);
