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
}
