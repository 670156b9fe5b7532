using JourneyBot.Conversation.Flow;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>The smallest map a published map card is refreshed for: one touchpoint and one opportunity.</summary>
public static class SmallPublishedMap
{
    /// <summary>
    /// Alex sets up "Refreshed journey" with the template, Megan adds a touchpoint and an opportunity
    /// at Purchase, and Alex publishes from a Teams client (its id is whom the card refreshes for).
    /// </summary>
    public static async Task<TurnOutcome> PublishAsync(MappingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var line in new[] { "start Refreshed journey", "Sell more shoes", "Ana, a new runner", "Sees an ad", "First run", "template", "next" })
        {
            await session.SayAsync(Alex, line);
        }

        await session.SayAsync(Megan, "touchpoint Purchase | website | Checkout page");
        await session.SayAsync(Megan, "opportunity Purchase | Call back within a day | Customer Service");
        await session.SayAsync(Alex, "next");
        return await session.SayAsync(Alex, "publish", turn => turn with { TeamsId = "29:alex" });
    }
}
