namespace JourneyBot.Conversation.Mapping;

/// <summary>
/// What one author has on a map, counted: items per stage and kind, their feelings per stage, and
/// their newest items. Kept by the store beside the items (one per author, so members adding at
/// once never write the same count), changed in the same write as the item, so that status and the
/// progress card read a row per contributor instead of every item.
/// </summary>
/// <remarks>Immutable: <see cref="Adding"/> and <see cref="Removing"/> return a new count.</remarks>
public sealed record AuthorCounts
{
    /// <summary>How many of the author's newest items are kept, so that an undo or two still leaves three to show.</summary>
    public const int LatestKept = 5;

    /// <summary>The author.</summary>
    public required Person Author { get; init; }

    /// <summary>The department the author's newest item was added under.</summary>
    public string? Department { get; init; }

    /// <summary>How many items the author has on the map.</summary>
    public int Items { get; init; }

    /// <summary>How many of the author's items do not say how we know them yet (the progress card counts them).</summary>
    public int Unsaid { get; init; }

    /// <summary>When the author's first item was added: contributors are listed in this order, as on the board.</summary>
    public DateTimeOffset FirstAt { get; init; }

    /// <summary>Per stage id, what the author has there.</summary>
    public IReadOnlyDictionary<string, StageCounts> Stages { get; init; } = new Dictionary<string, StageCounts>(StringComparer.Ordinal);

    /// <summary>The author's newest items, newest first (at most <see cref="LatestKept"/>).</summary>
    public IReadOnlyList<MapItem> Latest { get; init; } = [];

    /// <summary>
    /// The author's feelings, by item id (one per stage at most, so few): a feeling given again is
    /// counted anew from the one it replaces without reading it.
    /// </summary>
    public IReadOnlyDictionary<string, MapItem> Feelings { get; init; } = new Dictionary<string, MapItem>(StringComparer.Ordinal);

    /// <summary>The author's item <paramref name="itemId"/> as last written, where the count holds it (among the newest, or a feeling); else null.</summary>
    public MapItem? Known(string itemId) => Latest.FirstOrDefault(i => i.Id == itemId) ?? Feelings.GetValueOrDefault(itemId);

    /// <summary>A count with nobody's items yet.</summary>
    public static AuthorCounts For(Person author) => new() { Author = author };

    /// <summary>The count with <paramref name="item"/> added (the author's item, new to the map).</summary>
    public AuthorCounts Adding(MapItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var newest = Items == 0 || Latest.Count == 0 || item.CreatedAt >= Latest[0].CreatedAt;
        return this with
        {
            Items = Items + 1,
            Unsaid = Unsaid + (item.EvidenceUnsaid ? 1 : 0),
            FirstAt = Items == 0 || item.CreatedAt < FirstAt ? item.CreatedAt : FirstAt,
            Department = newest ? item.AuthorDepartment : Department,
            Stages = WithStage(item.StageId, StageOf(item.StageId).Adding(item)),
            Latest = [.. Newest(Latest.Append(item)).Take(LatestKept)],
            Feelings = item.Kind == ItemKind.Emotion ? new Dictionary<string, MapItem>(Feelings, StringComparer.Ordinal) { [item.Id] = item } : Feelings,
        };
    }

    /// <summary>The count without <paramref name="item"/> (as it was stored), which it counted.</summary>
    public AuthorCounts Removing(MapItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var stage = StageOf(item.StageId).Removing(item);
        return this with
        {
            Items = Math.Max(0, Items - 1),
            Unsaid = Math.Max(0, Unsaid - (item.EvidenceUnsaid ? 1 : 0)),
            Stages = stage.IsEmpty ? Stages.Where(s => s.Key != item.StageId).ToDictionary(StringComparer.Ordinal) : WithStage(item.StageId, stage),
            Latest = [.. Latest.Where(i => i.Id != item.Id)],
            Feelings = Feelings.ContainsKey(item.Id) ? Feelings.Where(f => f.Key != item.Id).ToDictionary(StringComparer.Ordinal) : Feelings,
        };
    }

    /// <summary>The count with <paramref name="before"/> (counted) replaced by <paramref name="after"/>, keeping its place among the newest.</summary>
    public AuthorCounts Replacing(MapItem before, MapItem after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Removing(before).Adding(after);
    }

    /// <summary>Items newest first; of two added at the same moment, the one the board lists first (by id).</summary>
    public static IEnumerable<MapItem> Newest(IEnumerable<MapItem> items) =>
        items.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal);

    private StageCounts StageOf(string stageId) => Stages.GetValueOrDefault(stageId) ?? StageCounts.Empty;

    private Dictionary<string, StageCounts> WithStage(string stageId, StageCounts stage) =>
        new(Stages, StringComparer.Ordinal) { [stageId] = stage };
}

/// <summary>What an author has on one stage.</summary>
public sealed record StageCounts
{
    /// <summary>Nothing.</summary>
    public static StageCounts Empty { get; } = new();

    /// <summary>How many items of each kind.</summary>
    public IReadOnlyDictionary<ItemKind, int> Kinds { get; init; } = new Dictionary<ItemKind, int>();

    /// <summary>The sum of the scores of the feelings given (an emotion without a score is not summed).</summary>
    public int ScoreSum { get; init; }

    /// <summary>How many feelings with a score.</summary>
    public int Scores { get; init; }

    /// <summary>Whether the stage has nothing of the author's.</summary>
    public bool IsEmpty => Kinds.Count == 0 && Scores == 0;

    /// <summary>With <paramref name="item"/>.</summary>
    public StageCounts Adding(MapItem item) => Changed(item, +1);

    /// <summary>Without <paramref name="item"/>.</summary>
    public StageCounts Removing(MapItem item) => Changed(item, -1);

    private StageCounts Changed(MapItem item, int by)
    {
        var kinds = new Dictionary<ItemKind, int>(Kinds);
        var count = kinds.GetValueOrDefault(item.Kind) + by;
        if (count > 0)
        {
            kinds[item.Kind] = count;
        }
        else
        {
            kinds.Remove(item.Kind);
        }

        var scored = item.Kind == ItemKind.Emotion && item.Score is not null;
        return new StageCounts
        {
            Kinds = kinds,
            ScoreSum = ScoreSum + (scored ? by * item.Score!.Value : 0),
            Scores = Math.Max(0, Scores + (scored ? by : 0)),
        };
    }
}
