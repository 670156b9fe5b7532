using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation;

/// <summary>
/// A map as it was published: its header and its whole board at that moment. Kept apart from the
/// live map (which members may change afterwards), so that a link to what was published keeps
/// showing exactly that.
/// </summary>
/// <param name="Map">The map, with the status and stamp of its publication.</param>
/// <param name="Board">Its items (with their evidence) and votes when it was published.</param>
/// <param name="Actions">
/// Its actions and parked opportunities when it was published, so that what changed between two
/// versions can name the actions done in between; null in versions kept before they were.
/// </param>
public sealed record PublishedMap(JourneyMap Map, MapBoard Board, MapActions? Actions = null);
