namespace JourneyBot.Conversation.Mapping;

/// <summary>
/// A journey map's header and session state: everything but its items and votes, which are stored
/// one per row so that many members can add at the same instant.
/// </summary>
public sealed class JourneyMap
{
    /// <summary>The number of activity ids remembered to recognise a redelivered activity.</summary>
    public const int RememberedActivities = 32;

    /// <summary>A short unique id.</summary>
    public required string Id { get; init; }

    /// <summary>The name the facilitator gave it.</summary>
    public required string Name { get; set; }

    /// <summary>The facilitator: the member who started it. Only they steer.</summary>
    public required Person Facilitator { get; set; }

    /// <summary>The conversation the map is (or was last) active in.</summary>
    public required string ConversationKey { get; set; }

    /// <summary>Its life.</summary>
    public MapStatus Status { get; set; } = MapStatus.Active;

    /// <summary>Where the session is (meaningful while active).</summary>
    public MapStep Step { get; set; } = MapStep.Objective;

    /// <summary>The business objective.</summary>
    public string? Objective { get; set; }

    /// <summary>Who the customer is.</summary>
    public string? Persona { get; set; }

    /// <summary>Where the journey starts.</summary>
    public string? StartPoint { get; set; }

    /// <summary>Where the journey ends.</summary>
    public string? EndPoint { get; set; }

    /// <summary>The stages, in order.</summary>
    public List<Stage> Stages { get; set; } = [];

    /// <summary>The next stage id number (ids are never reused).</summary>
    public int NextStageNumber { get; set; } = 1;

    /// <summary>When it was started.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was published, if it was.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Who published it, if anyone.</summary>
    public Person? PublishedBy { get; set; }

    /// <summary>
    /// The number of its latest published version (1, 2, …; see <see cref="IMapStore.PutPublishedAsync"/>),
    /// which its links show; 0 before the first publish, and for maps published before versions were kept.
    /// </summary>
    public int PublishedVersion { get; set; }

    /// <summary>The most recent activity ids that changed the map (oldest first).</summary>
    public List<string> RecentActivityIds { get; set; } = [];

    /// <summary>For a future-state map, the current state it designs against (see <c>future</c>); null for any other map.</summary>
    public FutureOf? FutureOf { get; set; }

    /// <summary>Whether this is the example map of the <c>demo</c> command, not the team's own work.</summary>
    public bool IsExample { get; set; }

    /// <summary>The message id of the session's living progress card, updated in place as items arrive.</summary>
    public string? ProgressActivityId { get; set; }

    /// <summary>The number of the map's newest round of questions; 0 before the first (so its progress card reads none).</summary>
    public int LatestRound { get; set; }

    /// <summary>
    /// How often the facilitator and the actions' owners are asked whether the map's items are still
    /// true (<c>review every N days</c>), and since when; null: never (<c>review off</c>).
    /// </summary>
    public StillTrue.MapReview? Review { get; set; }
    /// <summary>The most touchpoints a map marks as moments of truth: the few that make or break the journey.</summary>
    public const int MaxMomentsOfTruth = 3;

    /// <summary>
    /// The ids of the touchpoints marked as moments of truth (<c>truth &lt;id&gt;</c>), in the order marked, at most
    /// <see cref="MaxMomentsOfTruth"/>. Kept with the map rather than on the items so the limit is checked in the
    /// map's own optimistic write; an id whose touchpoint was removed since is ignored wherever it is read
    /// (<see cref="MomentsOfTruthIn"/>). Empty for maps stored before moments of truth.
    /// </summary>
    public List<string> MomentsOfTruth { get; set; } = [];

    /// <summary>The touchpoints of <paramref name="board"/> marked as moments of truth, in the order marked.</summary>
    public IReadOnlyList<MapItem> MomentsOfTruthIn(MapBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var touchpoints = board.Items.Where(i => i.Kind == ItemKind.Touchpoint).DistinctBy(i => i.Id).ToDictionary(i => i.Id);
        return [.. MomentsOfTruth.Select(touchpoints.GetValueOrDefault).OfType<MapItem>().Take(MaxMomentsOfTruth)];
    }

    /// <summary>Whether <paramref name="activityId"/> already changed this map.</summary>
    public bool HasSeen(string? activityId) => activityId is not null && RecentActivityIds.Contains(activityId);

    /// <summary>Remembers <paramref name="activityId"/> as applied.</summary>
    public void Remember(string? activityId)
    {
        if (activityId is null || HasSeen(activityId))
        {
            return;
        }

        RecentActivityIds.Add(activityId);
        if (RecentActivityIds.Count > RememberedActivities)
        {
            RecentActivityIds.RemoveAt(0);
        }
    }

    /// <summary>Adds a stage with a new id.</summary>
    public Stage AddStage(string name, int? position = null)
    {
        var stage = new Stage($"s{NextStageNumber++}", name);
        Stages.Insert(Math.Clamp(position ?? Stages.Count, 0, Stages.Count), stage);
        return stage;
    }
}
