using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow.Routing;

/// <summary>A turn as a handler gets it: what the member said, and the map as its route reads it.</summary>
/// <param name="Turn">What the member said or pressed.</param>
/// <param name="StoredOrNull">The conversation's map; null for routes that read none, or when there is none.</param>
internal sealed record CommandTurn(UserTurn Turn, StoredMap? StoredOrNull)
{
    /// <summary>The conversation's map as read, for routes that need one (<see cref="MapUse.Any"/>, <see cref="MapUse.Active"/>).</summary>
    public StoredMap Stored => StoredOrNull ?? throw new InvalidOperationException("This command's route reads no map.");

    /// <summary>The map itself.</summary>
    public JourneyMap Map => Stored.Map;

    /// <summary>The team and conversation.</summary>
    public MapScope Scope => Turn.Scope;

    /// <summary>Who.</summary>
    public Person From => Turn.From;

    /// <summary>Whether the member pressed a card button rather than typed.</summary>
    public bool FromCard => Turn.Submit is not null;
}
