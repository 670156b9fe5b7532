using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Rounds;

/// <summary>The newest round of a map as its progress card shows it; nothing is read for a map that never sent one.</summary>
internal sealed class RoundViews(IRoundStore rounds, TimeProvider clock)
{
    public async Task<RoundView?> LatestAsync(string teamKey, JourneyMap map, CancellationToken cancellationToken)
    {
        if (map.LatestRound == 0 || await rounds.GetAsync(teamKey, map.Id, map.LatestRound, cancellationToken) is not { } round)
        {
            return null;
        }

        var asks = await rounds.ListAsksAsync(teamKey, map.Id, round.Number, cancellationToken);
        return new RoundView(round, asks, RoundTime.Show(round.Deadline, clock.GetUtcNow(), RoundTime.Zone(round.TimeZone)));
    }
}
