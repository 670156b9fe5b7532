using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation;

/// <summary>
/// A map as it was published: its header and its whole board at that moment. Kept apart from the
/// live map (which members may change afterwards), so that a link to what was published keeps
/// showing exactly that.
/// </summary>
/// <param name="Map">The map, with the status and stamp of its publication.</param>
/// <param name="Board">Its items and votes when it was published.</param>
public sealed record PublishedMap(JourneyMap Map, MapBoard Board);
