using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// What a member's row learns besides their department: <c>mute</c> / <c>unmute</c> where they
/// typed it, and their time zone where the row is read or written anyway; and that no write
/// forgets what the row held (their 1:1 chat, mute).
/// </summary>
public sealed class MemberRowNotesTests
{
    private static readonly PersonalChat MegansChat = new("https://smba.example/teams/", "a:1on1-megan");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mute_and_unmute_without_a_map_are_kept_on_the_members_row_with_what_it_held()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        var team = session.Scope.TeamKey;
        await session.Store.PutMemberAsync(team, Megan.Id, new TeamMember("Sales", true) { Chat = MegansChat }, Cancel);

        var muted = await session.SayAsync(Megan, "mute");
        var row = await session.Store.GetMemberAsync(team, Megan.Id, Cancel);
        var unmuted = await session.SayAsync(Megan, "UNMUTE");

        Assert.Contains("I won't send you reminders any more", CardText.Of(muted), StringComparison.Ordinal);
        Assert.Equal(new TeamMember("Sales", true) { Chat = MegansChat, Muted = true }, row);
        Assert.Contains("I'll remind you again", CardText.Of(unmuted), StringComparison.Ordinal);
        Assert.Equal(new TeamMember("Sales", true) { Chat = MegansChat }, await session.Store.GetMemberAsync(team, Megan.Id, Cancel));
    }

    [Fact]
    public async Task Mute_in_the_members_1on1_chat_is_kept_on_their_row_of_that_chat_and_leaves_the_teams_row()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        var personal = new MapScope(MegansChat.ConversationId, MegansChat.ConversationId);

        var answer = await session.SayAsync(Megan, "mute", turn => turn with { Scope = personal });

        Assert.Contains("I won't send you reminders any more", CardText.Of(answer), StringComparison.Ordinal);
        Assert.True((await session.Store.GetMemberAsync(personal.TeamKey, Megan.Id, Cancel))!.Muted);
        Assert.Null(await session.Store.GetMemberAsync(session.Scope.TeamKey, Megan.Id, Cancel));
    }

    [Fact]
    public async Task Mute_said_to_others_without_a_mention_is_not_taken()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.OpenContributionsAsync(Alex, "Shoe journey", "template");

        await session.OverhearAsync(Megan, "mute");

        Assert.Null(await session.Store.GetMemberAsync(session.Scope.TeamKey, Megan.Id, Cancel));
    }

    [Fact]
    public async Task A_contributors_time_zone_is_kept_once_and_again_only_when_it_changes()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.OpenContributionsAsync(Alex, "Shoe journey", "template");
        var store = (InMemoryMapStore)session.Store;

        await session.SayAsync(Megan, "department Sales", turn => turn with { TimeZone = "Europe/Bucharest" });
        var writes = store.MemberWrites(session.Scope.TeamKey, Megan.Id);
        await session.SayAsync(Megan, "pain Purchase | Sizes run small", turn => turn with { TimeZone = "Europe/Bucharest" });
        await session.SayAsync(Megan, "pain Purchase | No half sizes", turn => turn with { TimeZone = "Europe/Bucharest" });
        var unchanged = await session.Store.GetMemberAsync(session.Scope.TeamKey, Megan.Id, Cancel);
        await session.SayAsync(Megan, "goal Purchase | Shoes that fit", turn => turn with { TimeZone = "Asia/Tokyo" });
        await session.SayAsync(Megan, "goal Purchase | Fast delivery");

        Assert.Equal(new TeamMember("Sales", true) { TimeZone = "Europe/Bucharest" }, unchanged);
        Assert.Equal("Asia/Tokyo", (await session.Store.GetMemberAsync(session.Scope.TeamKey, Megan.Id, Cancel))!.TimeZone);
        Assert.Equal(writes + 1, store.MemberWrites(session.Scope.TeamKey, Megan.Id));
    }

    [Fact]
    public async Task Saying_ones_department_keeps_the_chat_and_mute_on_the_row()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        var team = session.Scope.TeamKey;
        await session.Store.PutMemberAsync(team, Megan.Id, new TeamMember(null, true) { Chat = MegansChat, Muted = true }, Cancel);

        await session.SayAsync(Megan, "department Customer Service");

        Assert.Equal(new TeamMember("Customer Service", true) { Chat = MegansChat, Muted = true },
            await session.Store.GetMemberAsync(team, Megan.Id, Cancel));
    }
}
