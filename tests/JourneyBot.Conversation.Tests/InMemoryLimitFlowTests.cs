using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Conversation.Tests;

/// <summary>The limits and departments on the in-memory store, and what a department change writes there.</summary>
public sealed class InMemoryLimitFlowTests : LimitFlowTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();

    [Fact]
    public async Task Giving_ones_department_after_adding_items_writes_the_member_row_once_and_no_item()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, Scenarios.Setup);
        await session.SayAsync(Megan, "touchpoint Purchase | website | Product page");
        await session.SayAsync(Megan, "pain Purchase | Sizes run small");
        var store = (InMemoryMapStore)session.Store;
        var (items, rows) = (store.ItemWrites, store.MemberWrites(session.Scope.TeamKey, Megan.Id));

        await session.SayAsync(Megan, "department Marketing");

        Assert.Equal((items, rows + 1), (store.ItemWrites, store.MemberWrites(session.Scope.TeamKey, Megan.Id)));
        Assert.All((await session.BoardAsync()).Items.Where(i => i.Author == Megan), i => Assert.Equal("Marketing", i.AuthorDepartment));
    }
}
