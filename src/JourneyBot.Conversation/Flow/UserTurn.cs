using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

/// <summary>What a member said or submitted, stripped of protocol detail.</summary>
/// <param name="Scope">The team and conversation.</param>
/// <param name="From">Who.</param>
/// <param name="ActivityId">The channel's id of the activity, to recognise a redelivery.</param>
/// <param name="Text">The typed text without the bot's mention; empty for a card submit.</param>
/// <param name="Submit">The card submit, if the turn came from a card button.</param>
public sealed record UserTurn(MapScope Scope, Person From, string? ActivityId, string Text, CardSubmit? Submit = null)
{
    /// <summary>
    /// Whether the member said it without addressing the bot: a message in a channel thread or
    /// group chat that does not mention it, which Teams delivers when the team or chat granted the
    /// app resource-specific consent. Such a message is usually members talking to each other.
    /// </summary>
    public bool Overheard { get; init; }

    /// <summary>The member's Entra tenant, where their directory profile is read; null when the channel does not say.</summary>
    public string? TenantId { get; init; }

    /// <summary>Whether the turn is in the member's 1:1 chat with the bot (where a round's questions arrive).</summary>
    public bool IsPersonalChat { get; init; }

    /// <summary>The address of the service the conversation is on, to reach it (or its members' 1:1 chats) outside this turn.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>The member's Teams user id (<c>29:…</c>); <see cref="Person.Id"/> is their Entra object id where Teams gives it.</summary>
    public string? TeamsId { get; init; }

    /// <summary>
    /// The Microsoft 365 group of the team the turn is in (Teams' <c>channelData.team.aadGroupId</c>),
    /// whose Planner plans the team's actions can go to; null outside a team (a chat) or when Teams does not say.
    /// </summary>
    public string? GroupId { get; init; }

    /// <summary>
    /// The member's time zone as their client reports it (an IANA id such as <c>Europe/Bucharest</c>,
    /// checked by whoever read the turn); null when the client does not say. Kept on the member's
    /// row where the turn reads or writes it anyway.
    /// </summary>
    public string? TimeZone { get; init; }

    /// <summary>The member's Teams locale (the activity's <c>locale</c>, e.g. <c>es-MX</c>); null when the channel does not say.</summary>
    public string? Locale { get; init; }

    /// <summary>
    /// The people the message mentions other than the bot (picked from the Teams @ menu), as the
    /// channel names them; <c>act … @person</c> reads its owner from these.
    /// </summary>
    public IReadOnlyList<MentionedPerson> Mentions { get; init; } = [];
}

/// <summary>A person a message mentions.</summary>
/// <param name="TeamsId">Their Teams user id (<c>29:…</c>).</param>
/// <param name="AadObjectId">Their Entra object id, where the channel gives it.</param>
/// <param name="Name">Their name as mentioned.</param>
/// <param name="Text">The mention's text in the message, e.g. <c>&lt;at&gt;Megan Bowen&lt;/at&gt;</c>.</param>
public sealed record MentionedPerson(string TeamsId, string? AadObjectId, string Name, string Text);

/// <summary>A card button press: its verb and every value the card sent (inputs and button data).</summary>
/// <param name="Verb">What the button does, e.g. <c>answer</c> or <c>add</c>.</param>
/// <param name="Values">The inputs and data, as strings.</param>
public sealed record CardSubmit(string Verb, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>A value, trimmed, or null when absent or blank.</summary>
    public string? this[string key] => Values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>
    /// Whether the press came as a Universal Action (<c>Action.Execute</c>), whose answer card replaces the
    /// pressed card for the presser only; false for <c>Action.Submit</c>, whose card update everyone sees.
    /// </summary>
    public bool Invoked { get; init; }
}
