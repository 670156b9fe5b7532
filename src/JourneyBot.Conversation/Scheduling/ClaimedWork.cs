namespace JourneyBot.Conversation.Scheduling;

/// <summary>Due work that one instance has claimed, for a lease, to do it.</summary>
/// <param name="Work">The work as scheduled.</param>
/// <param name="Attempt">Which attempt this is: 1 the first time the work is claimed.</param>
/// <param name="LeaseUntil">Until when no other instance takes it; after that it is due again.</param>
/// <param name="EarlierClaimLapsed">
/// An earlier claim ran out without completing or releasing the work: the instance that held it
/// stopped or stalled, perhaps after doing the work. Doing it now may do it a second time.
/// </param>
/// <param name="ETag">The entry's version as claimed: completing or releasing it is checked against it.</param>
public sealed record ClaimedWork(DueWork Work, int Attempt, DateTimeOffset LeaseUntil, bool EarlierClaimLapsed, string ETag);
