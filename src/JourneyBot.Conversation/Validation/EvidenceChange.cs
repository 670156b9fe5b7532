using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Validation;

/// <summary>
/// One change of an item's evidence, or of the item after a contradiction, kept for good
/// (append-only): who, when, from what, to what, with what proof.
/// </summary>
public sealed record EvidenceChange
{
    /// <summary>Unique per change; the same press delivered twice makes the same id, so it is kept once.</summary>
    public required string Id { get; init; }

    /// <summary>The map.</summary>
    public required string MapId { get; init; }

    /// <summary>The item.</summary>
    public required string ItemId { get; init; }

    /// <summary>The item's text when it changed (it may be edited or removed since).</summary>
    public required string ItemText { get; init; }

    /// <summary>When.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who.</summary>
    public required Person Who { get; init; }

    /// <summary>Their department, when known.</summary>
    public string? Department { get; init; }

    /// <summary>The evidence before.</summary>
    public required Evidence From { get; init; }

    /// <summary>The evidence after; null when the item was removed.</summary>
    public Evidence? To { get; init; }

    /// <summary>The quote or link given with it.</summary>
    public string? Proof { get; init; }

    /// <summary>Why it changed.</summary>
    public required EvidenceReason Reason { get; init; }

    /// <summary>The validation round it came from.</summary>
    public int Round { get; init; }
}

/// <summary>Why an item's evidence (or the item) changed.</summary>
public enum EvidenceReason
{
    /// <summary>A member answered "Seen it".</summary>
    SeenIt,

    /// <summary>A member answered "Customers tell us".</summary>
    CustomersTellUs,

    /// <summary>The facilitator kept a contradicted item as it is.</summary>
    Kept,

    /// <summary>The facilitator changed a contradicted item's text.</summary>
    Changed,

    /// <summary>The facilitator removed a contradicted item.</summary>
    Removed,
}

/// <summary>An item two departments say is not true, for the facilitator to keep, change or remove.</summary>
public sealed record Contradiction
{
    /// <summary>The map.</summary>
    public required string MapId { get; init; }

    /// <summary>The item.</summary>
    public required string ItemId { get; init; }

    /// <summary>The validation round whose answers flagged it.</summary>
    public required int Round { get; init; }

    /// <summary>When it was flagged.</summary>
    public required DateTimeOffset FlaggedAt { get; init; }

    /// <summary>What the facilitator decided; null while open.</summary>
    public EvidenceReason? Resolution { get; init; }

    /// <summary>Who resolved it.</summary>
    public Person? ResolvedBy { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }
}
