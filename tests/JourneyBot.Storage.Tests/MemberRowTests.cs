using Azure.Data.Tables;
using JourneyBot.Conversation;

namespace JourneyBot.Storage.Tests;

/// <summary>How the table store keeps a member: one row each (the contract's side is in <see cref="Contract.MapStoreContractTests"/>).</summary>
public sealed class MemberRowTests(StoreFixture fixture) : TableStoreTests(fixture)
{
    [Fact]
    public async Task PutMember_without_a_department_clears_the_one_stored_in_the_members_row()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;
        await Store.PutMemberAsync(team, "29:1ana", new TeamMember("Sales", AskedForDepartment: true), Cancel);

        // Act
        await Store.PutMemberAsync(team, "29:1ana", new TeamMember(null, AskedForDepartment: true), Cancel);

        // Assert: one u~ row per member, kind "member", holding the id a hashed key could not give back.
        Assert.Equal(new TeamMember(null, true), await Store.GetMemberAsync(team, "29:1ana", Cancel));
        var row = await RowAsync(team, "u~29:1ana");
        Assert.Equal(("member", "29:1ana", true), (row.GetString("Kind"), row.GetString("PersonId"), row.GetBoolean("AskedForDepartment")));
        Assert.False(row.ContainsKey("Department"));
    }

    [Fact]
    public async Task A_members_row_written_before_chats_time_zones_and_mute_reads_as_none_of_them()
    {
        // Arrange: a row as the store wrote it before those properties existed.
        var team = Maps.NewScope().TeamKey;
        await Fixture.Table.AddEntityAsync(new TableEntity(KeyEncoder.Encode(team), "u~29:1ana")
        {
            ["Kind"] = "member", ["PersonId"] = "29:1ana", ["AskedForDepartment"] = true, ["Department"] = "Sales",
        }, Cancel);

        // Act
        var member = await Store.GetMemberAsync(team, "29:1ana", Cancel);

        // Assert
        Assert.Equal(new TeamMember("Sales", true), member);
        Assert.Equal((null, null, false), (member!.Chat, member.TimeZone, member.Muted));
    }

    [Fact]
    public async Task A_members_chat_time_zone_and_mute_are_plain_properties_of_their_row()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;

        // Act
        await Store.PutMemberAsync(team, "29:1ana", new TeamMember(null, false)
        {
            Chat = new PersonalChat("https://smba.example/teams/", "a:1on1"), TimeZone = "America/New_York", Muted = true,
        }, Cancel);

        // Assert
        var row = await RowAsync(team, "u~29:1ana");
        Assert.Equal(
            ("https://smba.example/teams/", "a:1on1", "America/New_York", true),
            (row.GetString("ChatServiceUrl"), row.GetString("ChatConversationId"), row.GetString("TimeZone"), row.GetBoolean("Muted")));
    }
}
