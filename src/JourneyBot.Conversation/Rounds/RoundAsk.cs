using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Rounds;

/// <summary>One member asked in a round: what about, and how far they are.</summary>
public sealed record RoundAsk
{
    /// <summary>The member (their Teams id and name).</summary>
    public required Person Member { get; init; }

    /// <summary>Their Teams user id (<c>29:…</c>), to create their 1:1 chat.</summary>
    public string? TeamsId { get; init; }

    /// <summary>Their department; null while they have not said it (they are asked it first).</summary>
    public string? Department { get; init; }

    /// <summary>The stages they are asked about (ids).</summary>
    public IReadOnlyList<string> StageIds { get; init; } = [];

    /// <summary>How far they are.</summary>
    public AskState State { get; init; } = AskState.Asked;

    /// <summary>How many items they added in this round.</summary>
    public int Added { get; init; }

    /// <summary>When they are to be reminded (only the reminder set for this moment acts); null: not at all.</summary>
    public DateTimeOffset? ReminderAt { get; init; }

    /// <summary>When they were reminded (at most once a round).</summary>
    public DateTimeOffset? RemindedAt { get; init; }

    /// <summary>Their time zone (IANA id), for the reminder's working hours.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Whom they suggested instead, when it is not their area.</summary>
    public Person? Suggested { get; init; }

    /// <summary>The 1:1 conversation the question went to, once sent.</summary>
    public string? ChatId { get; init; }

    /// <summary>The question card's message id in that chat, to update it in place.</summary>
    public string? CardActivityId { get; init; }

    /// <summary>Still waiting for them: the only ones reminded and listed as "did not answer".</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsWaiting => State is AskState.Asked or AskState.NeedsDepartment;
}

/// <summary>How far a member asked in a round is.</summary>
public enum AskState
{
    /// <summary>Asked; nothing back yet.</summary>
    Asked,

    /// <summary>Their department is not known: they are asked it first.</summary>
    NeedsDepartment,

    /// <summary>They added at least one item.</summary>
    Answered,

    /// <summary>They said they have nothing to add.</summary>
    NothingToAdd,

    /// <summary>Not their area: they suggested someone else.</summary>
    Suggested,

    /// <summary>Teams would not deliver to them (they blocked the bot, or the app is not allowed for them).</summary>
    CannotReach,

    /// <summary>They left the team.</summary>
    Left,
}
