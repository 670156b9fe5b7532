namespace JourneyBot.Conversation.Mapping;

/// <summary>
/// What status and the progress card show of a map's items without reading them: each author's
/// counts (<see cref="AuthorCounts"/>) and how many members voted. The same whatever the map's size.
/// </summary>
/// <param name="Authors">Every author with items, in the order of their first item.</param>
/// <param name="Voters">How many members have votes on the map.</param>
public sealed record MapCounts(IReadOnlyList<AuthorCounts> Authors, int Voters)
{
    /// <summary>A map with no items and no votes.</summary>
    public static MapCounts Empty { get; } = new([], 0);

    private static readonly Dictionary<string, string> NoDepartments = new(StringComparer.Ordinal);

    /// <summary>
    /// The version of what the counts were read from, when the store knows it (the ETags of the rows
    /// read, and the departments shown): equal versions, equal counts. Null when unknown (counts made
    /// from the items, or a store without versions): then nothing may be kept by it.
    /// </summary>
    public string? Version { get; init; }

    /// <summary>
    /// The store's stamp of what the conversation holding the map held when the counts were read
    /// (the Table store's <c>MapRevision</c>), or null where the store keeps none: read in the same
    /// request, it tells an instance whether its copy of the map is still current.
    /// </summary>
    public string? MapRevision { get; init; }

    /// <summary>How many items the map holds.</summary>
    public int Items => Authors.Sum(a => a.Items);

    /// <summary>How many items do not say how we know them yet.</summary>
    public int Unsaid => Authors.Sum(a => a.Unsaid);

    /// <summary>The ids of the stages that have items.</summary>
    public IEnumerable<string> StageIds => Authors.SelectMany(a => a.Stages.Keys).Distinct(StringComparer.Ordinal);

    /// <summary>How many items of <paramref name="kind"/> the stage has.</summary>
    public int Of(string stageId, ItemKind kind) =>
        Authors.Sum(a => a.Stages.TryGetValue(stageId, out var stage) ? stage.Kinds.GetValueOrDefault(kind) : 0);

    /// <summary>The stage's average feeling, or null where nobody gave one (as <c>EmotionCurve.ScoreOf</c> on the board).</summary>
    public double? ScoreOf(string stageId)
    {
        var (sum, count) = (0, 0);
        foreach (var stage in Authors.Select(a => a.Stages.GetValueOrDefault(stageId)).OfType<StageCounts>())
        {
            (sum, count) = (sum + stage.ScoreSum, count + stage.Scores);
        }

        return count == 0 ? null : (double)sum / count;
    }

    /// <summary>The map's <paramref name="count"/> newest items, newest first.</summary>
    public IReadOnlyList<MapItem> Latest(int count) => [.. AuthorCounts.Newest(Authors.SelectMany(a => a.Latest)).Take(count)];

    /// <summary>How many items the map holds, in all and per author: what its limits are checked against.</summary>
    public ItemTally Tally() =>
        new(Items, Authors.ToDictionary(a => a.Author.Id, a => a.Items, StringComparer.Ordinal)) { MapRevision = MapRevision };

    /// <summary>The counts of <paramref name="board"/>: what the store keeps, item by item, made at once (in the order <see cref="Shown"/> gives).</summary>
    public static MapCounts Of(MapBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        return new MapCounts(
            [.. board.Items.GroupBy(i => i.Author.Id, StringComparer.Ordinal).Select(g => g.Aggregate(AuthorCounts.For(g.First().Author), (c, i) => c.Adding(i)))],
            board.Votes.Count(v => v.Value.Count > 0)).Shown(NoDepartments);
    }

    /// <summary>
    /// The counts in the order of each author's first item (then author id) without authors left with no
    /// item, each showing the department the team knows now for its author (<see cref="MapBoard.WithDepartments"/>).
    /// </summary>
    public MapCounts Shown(IReadOnlyDictionary<string, string> departments)
    {
        ArgumentNullException.ThrowIfNull(departments);
        return this with
        {
            Authors =
            [
                .. Authors.Where(a => a.Items > 0)
                    .OrderBy(a => a.FirstAt).ThenBy(a => a.Author.Id, StringComparer.Ordinal)
                    .Select(a => departments.TryGetValue(a.Author.Id, out var now) ? a with { Department = now } : a),
            ],
        };
    }
}
