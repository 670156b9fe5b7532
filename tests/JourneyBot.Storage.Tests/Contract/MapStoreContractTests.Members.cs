using JourneyBot.Conversation;

namespace JourneyBot.Storage.Tests.Contract;

public abstract partial class MapStoreContractTests
{
    [Fact]
    public async Task GetMember_of_someone_new_is_null()
    {
        Assert.Null(await Store.GetMemberAsync(Maps.NewScope().TeamKey, "29:1ana", Cancel));
    }

    [Fact]
    public async Task PutMember_is_remembered_per_team_and_replaced_when_put_again()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;
        var otherTeam = Maps.NewScope().TeamKey;

        // Act: asked first, answered later; another team knows them differently.
        await Store.PutMemberAsync(team, "29:1ana", new TeamMember(null, AskedForDepartment: true), Cancel);
        await Store.PutMemberAsync(team, "29:1ana", new TeamMember("Support", AskedForDepartment: true), Cancel);
        await Store.PutMemberAsync(otherTeam, "29:1ana", new TeamMember("Marketing", AskedForDepartment: false), Cancel);

        // Assert
        Assert.Equal(new TeamMember("Support", true), await Store.GetMemberAsync(team, "29:1ana", Cancel));
        Assert.Equal(new TeamMember("Marketing", false), await Store.GetMemberAsync(otherTeam, "29:1ana", Cancel));
    }

    [Fact]
    public async Task PutMember_without_a_department_clears_the_one_stored()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;
        await Store.PutMemberAsync(team, "29:1ana", new TeamMember("Sales", AskedForDepartment: true), Cancel);

        // Act
        await Store.PutMemberAsync(team, "29:1ana", new TeamMember(null, AskedForDepartment: true), Cancel);

        // Assert
        Assert.Equal(new TeamMember(null, true), await Store.GetMemberAsync(team, "29:1ana", Cancel));
    }
}
