using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Validation;

/// <summary>
/// A validation round of a map (<c>validate</c>): its most-voted assumed items, asked as questions
/// of the departments closest to customers, each member in their 1:1 chat with the bot.
/// </summary>
/// <remarks>
/// It takes answers until its <see cref="Deadline"/> (the facilitator then gets its summary), the
/// map's next validation round (which closes it early) or the map's deletion. Answers change the
/// items' evidence as they come. A round stored before deadlines existed has none and stays open
/// until the next round.
/// </remarks>
public sealed record ValidationRound
{
    /// <summary>The most items one round asks about: ten questions are what a busy colleague answers.</summary>
    public const int MostItems = 10;

    /// <summary>The map asked about.</summary>
    public required string MapId { get; init; }

    /// <summary>1 for the map's first validation round, then 2, 3 … (numbered apart from rounds of questions).</summary>
    public required int Number { get; init; }

    /// <summary>The team conversation the map is made in.</summary>
    public required string ConversationKey { get; init; }

    /// <summary>The service address of that conversation, to reach members' 1:1 chats outside a turn.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>The tenant, to create members' 1:1 chats.</summary>
    public string? TenantId { get; init; }

    /// <summary>Who sent the round: contradictions go to them.</summary>
    public required Person Facilitator { get; init; }

    /// <summary>The facilitator's Teams user id (<c>29:…</c>), to reach their 1:1 chat with a contradiction.</summary>
    public string? FacilitatorTeamsId { get; init; }

    /// <summary>The departments asked.</summary>
    public required IReadOnlyList<string> Departments { get; init; }

    /// <summary>The items asked about (ids), most-voted first.</summary>
    public required IReadOnlyList<string> ItemIds { get; init; }

    /// <summary>When it was sent.</summary>
    public DateTimeOffset SentAt { get; init; }

    /// <summary>When it closes by itself and the facilitator gets its summary; null for a round sent before rounds had deadlines.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>The facilitator's time zone (IANA id) when they sent it, to show the deadline in; null: UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Open until its deadline or the map's next validation round.</summary>
    public ValidationState State { get; init; } = ValidationState.Open;
}

/// <summary>Whether a validation round still takes answers.</summary>
public enum ValidationState
{
    /// <summary>Answers are taken.</summary>
    Open,

    /// <summary>Its deadline passed, or a newer round replaced it.</summary>
    Closed,
}

/// <summary>One member asked in a validation round, with their answers so far (their own row: members answering at once never conflict).</summary>
public sealed record ValidationAsk
{
    /// <summary>The member.</summary>
    public required Person Member { get; init; }

    /// <summary>Their Teams user id (<c>29:…</c>), to create their 1:1 chat.</summary>
    public string? TeamsId { get; init; }

    /// <summary>Their department (one of the round's).</summary>
    public required string Department { get; init; }

    /// <summary>Their answer per item id.</summary>
    public IReadOnlyDictionary<string, ValidationAnswer> Answers { get; init; } = new Dictionary<string, ValidationAnswer>();
}

/// <summary>A member's answer about one item.</summary>
/// <param name="Verdict">What they know of it.</param>
/// <param name="Proof">A quote or a link (a ticket, a survey), if they gave one.</param>
/// <param name="At">When they answered.</param>
public sealed record ValidationAnswer(Verdict Verdict, string? Proof, DateTimeOffset At);

/// <summary>What a member asked in a validation round knows of an item.</summary>
public enum Verdict
{
    /// <summary>"Seen it": raises the item to observed.</summary>
    SeenIt,

    /// <summary>"Customers tell us": raises the item to reported.</summary>
    CustomersTellUs,

    /// <summary>"Not true": two from different departments flag a contradiction.</summary>
    NotTrue,

    /// <summary>"Don't know": changes nothing.</summary>
    DontKnow,
}
