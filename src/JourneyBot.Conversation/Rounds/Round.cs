using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Rounds;

/// <summary>
/// One round of questions for a map: which departments are asked about which stages, by when,
/// and how it ends. Each member asked has a <see cref="RoundAsk"/> of their own.
/// </summary>
public sealed record Round
{
    /// <summary>The map asked about.</summary>
    public required string MapId { get; init; }

    /// <summary>1 for the map's first round, then 2, 3 …</summary>
    public required int Number { get; init; }

    /// <summary>The team conversation (the channel thread) the map is made in: where the round is told and summed up.</summary>
    public required string ConversationKey { get; init; }

    /// <summary>The service address of that conversation, to post to it outside a turn.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>The tenant, to create members' 1:1 chats.</summary>
    public string? TenantId { get; init; }

    /// <summary>Who sent the round.</summary>
    public required Person Facilitator { get; init; }

    /// <summary>For each stage id, the departments asked about it.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Routing { get; init; }

    /// <summary>When answers are due.</summary>
    public required DateTimeOffset Deadline { get; init; }

    /// <summary>The facilitator's time zone (IANA id), in which the deadline is shown in the channel.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Items from this round show the department only, never the name.</summary>
    public bool Anonymous { get; init; }

    /// <summary>An anonymous round's secret, under which its authors' ids are hashed (see <see cref="AnonymousAuthors"/>).</summary>
    public string? Salt { get; init; }

    /// <summary>At the deadline the session moves to the review by itself.</summary>
    public bool ReviewAtDeadline { get; init; }

    /// <summary>Open until its deadline (or until the map is finished).</summary>
    public RoundState State { get; init; } = RoundState.Open;

    /// <summary>When it was sent.</summary>
    public DateTimeOffset SentAt { get; init; }

    /// <summary>The departments asked about <paramref name="stageId"/>.</summary>
    public IReadOnlyList<string> DepartmentsFor(string stageId) => Routing.TryGetValue(stageId, out var departments) ? departments : [];

    /// <summary>The stages (ids, in the map's order) <paramref name="department"/> is asked about.</summary>
    public IReadOnlyList<string> StagesFor(JourneyMap map, string department)
    {
        ArgumentNullException.ThrowIfNull(map);
        return [.. map.Stages.Select(s => s.Id).Where(id => DepartmentsFor(id).Any(d => Departments.Same(d, department)))];
    }
}

/// <summary>Where a round is.</summary>
public enum RoundState
{
    /// <summary>Questions are out; answers are taken.</summary>
    Open,

    /// <summary>The deadline passed, or the map was finished: answers are no longer taken.</summary>
    Closed,
}
