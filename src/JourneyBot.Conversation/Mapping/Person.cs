namespace JourneyBot.Conversation.Mapping;

/// <summary>A member of the conversation.</summary>
/// <param name="Id">A stable id (the Entra object id where known, else the channel's id).</param>
/// <param name="Name">The display name.</param>
public sealed record Person(string Id, string Name);
