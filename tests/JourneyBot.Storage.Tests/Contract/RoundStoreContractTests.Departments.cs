namespace JourneyBot.Storage.Tests.Contract;

public abstract partial class RoundStoreContractTests
{
    [Fact]
    public async Task A_team_that_set_no_departments_has_none()
    {
        Assert.Null(await Store.GetDepartmentsAsync(NewTeam(), Cancel));
    }

    [Fact]
    public async Task Departments_are_kept_per_team_in_order_and_replaced_when_put_again()
    {
        // Arrange
        var team = NewTeam();
        var otherTeam = NewTeam();

        // Act
        await Store.PutDepartmentsAsync(team, ["Marketing", "Sales"], Cancel);
        await Store.PutDepartmentsAsync(team, ["Stores", "Служба підтримки", "Customer Service 😀"], Cancel);
        await Store.PutDepartmentsAsync(otherTeam, [], Cancel);

        // Assert
        Assert.Equal(["Stores", "Служба підтримки", "Customer Service 😀"], await Store.GetDepartmentsAsync(team, Cancel));
        Assert.Equal([], await Store.GetDepartmentsAsync(otherTeam, Cancel));
    }
}
