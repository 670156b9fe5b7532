using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage.Tests.Contract;

public abstract partial class MapStoreContractTests
{
    [Fact]
    public async Task CountItems_counts_a_maps_items_in_all_and_per_author_and_no_other_maps()
    {
        // Arrange
        var team = Maps.NewScope().TeamKey;
        var bea = new Person("29:1bea", "Bea");
        await Store.TryAddItemAsync(team, "m1", Maps.NewItem("k1"), Cancel);
        await Store.TryAddItemAsync(team, "m1", Maps.NewItem("k2"), Cancel);
        await Store.PutItemAsync(team, "m1", Maps.NewItem("e1") with { Author = bea, Kind = ItemKind.Emotion, Score = 1 }, Cancel);
        await Store.TryAddItemAsync(team, "m2", Maps.NewItem("k3"), Cancel);
        await Store.SetVotesAsync(team, "m1", "29:1ana", ["k1"], Cancel);

        // Act
        var tally = await Store.CountItemsAsync(team, "m1", Cancel);

        // Assert
        Assert.Equal((3, 2, 1, 0), (tally.Items, tally.Of("29:1ana"), tally.Of(bea.Id), tally.Of("29:1nobody")));
        Assert.Equal(0, (await Store.CountItemsAsync(team, "m9", Cancel)).Items);
    }

    [Fact]
    public async Task A_board_shows_each_items_department_from_its_authors_row_else_the_one_it_was_added_under()
    {
        // Arrange: Ana's row says Sales now; Bea's row knows no department; Cy has no row.
        var team = Maps.NewScope().TeamKey;
        var (bea, cy) = (new Person("29:1bea", "Bea"), new Person("29:1cy", "Cy"));
        await Store.TryAddItemAsync(team, "m1", Maps.NewItem("k1") with { AuthorDepartment = "Support" }, Cancel);
        await Store.TryAddItemAsync(team, "m1", Maps.NewItem("k2") with { AuthorDepartment = null }, Cancel);
        await Store.TryAddItemAsync(team, "m1", Maps.NewItem("k3") with { Author = bea, AuthorDepartment = "Stores" }, Cancel);
        await Store.TryAddItemAsync(team, "m1", Maps.NewItem("k4") with { Author = cy, AuthorDepartment = "Finance" }, Cancel);
        await Store.PutMemberAsync(team, "29:1ana", new TeamMember("Sales", true), Cancel);
        await Store.PutMemberAsync(team, bea.Id, new TeamMember(null, true), Cancel);
        await Store.PutMemberAsync(Maps.NewScope().TeamKey, cy.Id, new TeamMember("Other team's name for Cy", true), Cancel);

        // Act
        var board = await Store.GetBoardAsync(team, "m1", Cancel);

        // Assert
        Assert.Equal(["Sales", "Sales", "Stores", "Finance"], board.Items.OrderBy(i => i.Id, StringComparer.Ordinal).Select(i => i.AuthorDepartment));
    }
}
