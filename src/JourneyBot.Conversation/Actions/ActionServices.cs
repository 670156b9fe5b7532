namespace JourneyBot.Conversation.Actions;

/// <summary>What the conversation needs for a map's owned actions.</summary>
/// <param name="Store">Where actions and parked opportunities are kept.</param>
/// <param name="TrackerSync">Reads actions back from their tracker before a map card is shown again (<see cref="NoActionTrackerSync"/> without one).</param>
internal sealed record ActionServices(IActionStore Store, IActionTrackerSync TrackerSync);
