using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Actions;

/// <summary>
/// A top-voted opportunity the team decided not to act on now, and why (<c>park k3f9q not this quarter</c>).
/// Publishing accepts it in place of an action; making it an action later un-parks it.
/// </summary>
/// <param name="Id">The opportunity's item id.</param>
/// <param name="Reason">Why it waits.</param>
/// <param name="By">Who parked it.</param>
/// <param name="At">When.</param>
public sealed record ParkedOpportunity(string Id, string Reason, Person By, DateTimeOffset At);
