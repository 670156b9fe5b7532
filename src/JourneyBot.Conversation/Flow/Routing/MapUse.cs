namespace JourneyBot.Conversation.Flow.Routing;

/// <summary>What a command needs of the conversation's map before its handler runs.</summary>
internal enum MapUse
{
    /// <summary>Nothing: the handler reads what it needs itself (help, start, open, maps, demo).</summary>
    None,

    /// <summary>The map if there is one; the handler runs without one too.</summary>
    Optional,

    /// <summary>A map, any status: without one the member is told how to start one.</summary>
    Any,

    /// <summary>A map being made: without one, or with a finished one, the member is told so.</summary>
    Active,
}
