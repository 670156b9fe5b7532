using JourneyBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>
/// Storage round trips per kind of turn, counted at the Azure SDK pipeline: the bot's main cost.
/// A change that adds one shows up here.
/// </summary>
public sealed class RoundTripTests
{
    // A busy session on one instance: the conversation's map and the member were read moments ago.
    [Theory]
    [InlineData("Megan", "touchpoint Awareness | email | Newsletter", 1)] // item and her counts in one transaction (the map's item count and her counts were read or written moments ago)
    [InlineData("Megan", "emotion Purchase | 1 | fine", 1)]            // item and her counts in one transaction
    [InlineData("Alex", "back", 3)]                                     // latest map (steering is never decided on a copy), save map, the team's stage templates (the stages card offers them)
    [InlineData("Megan", "status", 2)]                                  // the map's counts and votes, the members' departments (at once)
    [InlineData("Megan", "help", 0)]
    [InlineData("Megan", "undo", 4)]                                    // items, departments, the item, delete with her counts
    public async Task A_turn_costs_a_known_number_of_storage_round_trips(string who, string says, int roundTrips)
    {
        await PlayAsync(who, says, roundTrips, cacheLifetime: null);
    }

    // Every turn on an instance that has not seen the conversation for a while (or the cache off).
    [Theory]
    [InlineData("Megan", "touchpoint Awareness | email | Newsletter", 4)] // map, item count, member, item with her counts (the store wrote them last)
    [InlineData("Megan", "emotion Purchase | 1 | fine", 4)]            // map, item count, member, item with her counts
    [InlineData("Alex", "back", 3)]                                     // map, save map, the team's stage templates
    [InlineData("Megan", "status", 3)]                                  // map, counts and votes, departments
    [InlineData("Megan", "help", 0)]
    [InlineData("Megan", "undo", 5)]                                    // map, items, departments, the item, delete with her counts
    public async Task Without_the_cache_a_turn_reads_the_map_and_the_member_first(string who, string says, int roundTrips)
    {
        await PlayAsync(who, says, roundTrips, cacheLifetime: "00:00:00");
    }

    private static async Task PlayAsync(string who, string says, int roundTrips, string? cacheLifetime)
    {
        await using var session = await TableSessions.StartAsync(cacheLifetime);
        await Script.PlayAsync(session, Scenarios.Setup);
        await session.SayAsync(Megan, "department Sales");
        await session.SayAsync(Megan, "goal Purchase | Pay fast");

        var before = Metrics(session).Total;
        await session.SayAsync(ByName(who), says);

        Assert.Equal(roundTrips, Metrics(session).Total - before);
    }

    [Fact]
    public async Task A_members_first_contribution_also_records_that_they_were_asked_for_a_department()
    {
        await using var session = await TableSessions.StartAsync();
        await Script.PlayAsync(session, Scenarios.Setup);

        var before = Metrics(session).Total;
        await session.SayAsync(Patti, "pain Purchase | Too many steps");

        Assert.Equal(5, Metrics(session).Total - before); // item count (the map's first item), member, member upsert, her counts, item with her counts (the map was read moments ago)
    }

    [Fact]
    public async Task Giving_ones_department_after_adding_items_is_one_write_whatever_the_member_added()
    {
        await using var session = await TableSessions.StartAsync();
        await Script.PlayAsync(session, Scenarios.Setup);
        await session.SayAsync(Patti, "pain Purchase | Too many steps");
        await session.SayAsync(Patti, "touchpoint Purchase | website | Checkout");
        await session.SayAsync(Patti, "goal Purchase | Pay fast");

        var before = Metrics(session).Total;
        await session.SayAsync(Patti, "department Finance");

        Assert.Equal(1, Metrics(session).Total - before); // member upsert (the row was read moments ago); none of her items
        Assert.All((await session.BoardAsync()).Items.Where(i => i.Author == Patti), i => Assert.Equal("Finance", i.AuthorDepartment));
    }

    private static StorageMetrics Metrics(MappingSession session) => session.Services.GetRequiredService<StorageMetrics>();
}
