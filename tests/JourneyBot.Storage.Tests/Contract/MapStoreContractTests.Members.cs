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

    [Fact]
    public async Task PutMember_keeps_the_personal_chat_the_time_zone_and_mute()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;
        var member = new TeamMember("Sales", AskedForDepartment: true)
        {
            Chat = new PersonalChat("https://smba.example/teams/", "a:1on1;messageid=1@unq.gbl.spaces"),
            TimeZone = "Europe/Bucharest",
            Muted = true,
        };

        // Act
        await Store.PutMemberAsync(team, "29:1ana", member, Cancel);

        // Assert
        Assert.Equal(member, await Store.GetMemberAsync(team, "29:1ana", Cancel));
    }

    [Fact]
    public async Task PutMember_keeps_the_maps_where_the_member_was_asked_how_they_know_and_a_row_without_them_reads_none()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;
        await Store.PutMemberAsync(team, "29:1ana", new TeamMember("Sales", true), Cancel);
        var before = await Store.GetMemberAsync(team, "29:1ana", Cancel);

        // Act
        await Store.PutMemberAsync(team, "29:1ana", before! with { EvidenceAskedOn = ["mapaaaaaaaa1", "mapbbbbbbbb2"] }, Cancel);

        // Assert
        Assert.Empty(before.EvidenceAskedOn);
        var read = await Store.GetMemberAsync(team, "29:1ana", Cancel);
        Assert.Equal(["mapaaaaaaaa1", "mapbbbbbbbb2"], read!.EvidenceAskedOn);
        Assert.Equal(("Sales", true), (read.Department, read.AskedForDepartment));
    }

    [Fact]
    public async Task PutMember_without_chat_time_zone_or_mute_clears_those_stored()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;
        await Store.PutMemberAsync(team, "29:1ana", new TeamMember("Sales", true)
        {
            Chat = new PersonalChat("https://smba.example/teams/", "a:1on1"), TimeZone = "Asia/Tokyo", Muted = true,
        }, Cancel);

        // Act: unmuted, and the rest forgotten.
        await Store.PutMemberAsync(team, "29:1ana", new TeamMember("Sales", true), Cancel);

        // Assert
        var read = await Store.GetMemberAsync(team, "29:1ana", Cancel);
        Assert.Equal(new TeamMember("Sales", true), read);
        Assert.Equal((null, null, false), (read!.Chat, read.TimeZone, read.Muted));
    }
}
