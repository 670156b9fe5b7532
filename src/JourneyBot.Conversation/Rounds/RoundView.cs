namespace JourneyBot.Conversation.Rounds;

/// <summary>A round as the progress card shows it.</summary>
/// <param name="Round">The round.</param>
/// <param name="Asks">Everyone it asked.</param>
/// <param name="Due">Its deadline as the channel reads it ("Fri 17:00").</param>
public sealed record RoundView(Round Round, IReadOnlyList<RoundAsk> Asks, string Due);
