namespace JourneyBot.Conversation.Mapping;

/// <summary>Where a turn happens: the team (a Teams team, or the chat itself) and the conversation.</summary>
/// <param name="TeamKey">The team: maps are listed and departments remembered per team.</param>
/// <param name="ConversationKey">The conversation (a channel thread, a group chat, a 1:1 chat): one active map each.</param>
public sealed record MapScope(string TeamKey, string ConversationKey);

/// <summary>A map as read from storage, with the version to write back against.</summary>
/// <param name="Map">The map.</param>
/// <param name="ETag">The storage version; an update with an older one fails.</param>
public sealed record StoredMap(JourneyMap Map, string ETag)
{
    /// <summary>
    /// Whether this is a copy read moments ago rather than just now: another instance may have
    /// changed the map since (see <see cref="IMapStore.GetLatestConversationMapAsync"/>).
    /// </summary>
    public bool IsRecentCopy { get; init; }
}

/// <summary>One line of the team's list of maps.</summary>
/// <param name="Id">The map id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status">Its status.</param>
/// <param name="ConversationKey">Where it is or was active.</param>
/// <param name="UpdatedAt">When the map was last saved.</param>
public sealed record MapSummary(string Id, string Name, MapStatus Status, string ConversationKey, DateTimeOffset UpdatedAt);
