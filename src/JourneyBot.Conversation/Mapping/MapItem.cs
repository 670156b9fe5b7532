namespace JourneyBot.Conversation.Mapping;

/// <summary>One thing a member added to a stage. Stored on its own, so members never overwrite each other.</summary>
public sealed record MapItem
{
    /// <summary>A short id members use to edit or remove it, e.g. <c>k3f9q</c>.</summary>
    public required string Id { get; init; }

    /// <summary>What it is.</summary>
    public required ItemKind Kind { get; init; }

    /// <summary>The stage it belongs to.</summary>
    public required string StageId { get; init; }

    /// <summary>The member's words (for an emotion: the optional word).</summary>
    public required string Text { get; init; }

    /// <summary>For a touchpoint: its channel.</summary>
    public TouchChannel? Channel { get; init; }

    /// <summary>For an emotion: −2 … +2.</summary>
    public int? Score { get; init; }

    /// <summary>For an opportunity: the department that owns it.</summary>
    public string? Owner { get; init; }

    /// <summary>How sure the author is.</summary>
    public Evidence Evidence { get; init; } = Evidence.Assumed;

    /// <summary>
    /// Whether the author added it without saying how they know (typed without an evidence word):
    /// they are asked, and until they answer it shows as "not said yet", not as assumed. Its
    /// <see cref="Evidence"/> stays <see cref="Evidence.Assumed"/>, the weakest claim, so whatever
    /// checks assumed items (the validation round) checks it too. False in maps stored before.
    /// </summary>
    public bool EvidenceUnsaid { get; init; }

    /// <summary>Who added it.</summary>
    public required Person Author { get; init; }

    /// <summary>
    /// The author's department when it was added, if known then. A board read shows the department
    /// on the author's member row instead whenever there is one (<see cref="IMapStore.GetBoardAsync"/>);
    /// this stays for authors with no row: an anonymous round's, whose id names no member.
    /// </summary>
    public string? AuthorDepartment { get; init; }

    /// <summary>When it was added.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// When someone last confirmed it still true (or changed it) on a "Still true?" card; null until
    /// then, when it counts as confirmed when it was added (<see cref="CreatedAt"/>).
    /// </summary>
    public DateTimeOffset? ConfirmedAt { get; init; }
}
