using static JourneyBot.Conversation.Tests.People;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// Storage round trips per kind of turn, counted at the Azure SDK pipeline: the bot's main cost.
/// A change that adds one shows up here.
/// </summary>
public sealed class RoundTripTests
{
    [Theory]
    [InlineData("Megan", "touchpoint Awareness | email | Newsletter", 3)] // map, member, insert item
    [InlineData("Megan", "emotion Purchase | 1 | fine", 3)]            // map, member, upsert item
    [InlineData("Alex", "back", 2)]                                     // map, save map
    [InlineData("Megan", "status", 2)]                                  // map, items
    [InlineData("Megan", "help", 0)]
    [InlineData("Megan", "undo", 3)]                                    // map, items, delete
    public async Task A_turn_costs_a_known_number_of_storage_round_trips(string who, string says, int roundTrips)
    {
        await using var session = await MappingSession.StartAsync();
        await Script.PlayAsync(session, Scenarios.Setup);
        await session.SayAsync(Megan, "department Sales");
        await session.SayAsync(Megan, "goal Purchase | Pay fast");

        var before = session.Metrics.Total;
        await session.SayAsync(ByName(who), says);

        Assert.Equal(roundTrips, session.Metrics.Total - before);
    }

    [Fact]
    public async Task A_members_first_contribution_also_records_that_they_were_asked_for_a_department()
    {
        await using var session = await MappingSession.StartAsync();
        await Script.PlayAsync(session, Scenarios.Setup);

        var before = session.Metrics.Total;
        await session.SayAsync(Patti, "pain Purchase | Too many steps");

        Assert.Equal(4, session.Metrics.Total - before); // map, member, member upsert, insert item
    }
}
