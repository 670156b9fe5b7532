using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Versions;

namespace JourneyBot.Storage.Tests.Contract;

public abstract partial class MapStoreContractTests
{
    [Fact]
    public async Task ListPublished_lists_the_versions_oldest_first_with_when_who_and_how_many_items_and_no_other_map()
    {
        // Arrange
        var scope = Maps.NewScope();
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        foreach (var version in new[] { 2, 1 })
        {
            var items = Enumerable.Range(0, version).Select(i => Maps.NewItem($"k{i}", i)).ToList();
            await Store.PutPublishedAsync(scope.TeamKey, "kept", version, Published(scope, version, at.AddDays(version), items), Cancel);
        }

        await Store.PutPublishedAsync(scope.TeamKey, "other", 1, Published(scope, 1, at, []), Cancel);

        // Act
        var versions = await Store.ListPublishedAsync(scope.TeamKey, "kept", Cancel);

        // Assert
        Assert.Equal([new VersionLine(1, at.AddDays(1), "Ana", 1), new VersionLine(2, at.AddDays(2), "Ana", 2)], versions.Kept);
        Assert.Null(versions.Summarised);
        Assert.Equal(PublishedVersions.None.Kept, (await Store.ListPublishedAsync(scope.TeamKey, "never", Cancel)).Kept);
    }

    [Fact]
    public async Task SummarisePublished_lets_the_oldest_go_whole_keeps_the_summary_and_the_map_deletion_takes_it_too()
    {
        // Arrange
        var scope = Maps.NewScope();
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        await Store.TryPlaceAsync(scope, Maps.NewMap(scope, "long"), null, Cancel);
        for (var version = 1; version <= 3; version++)
        {
            await Store.PutPublishedAsync(scope.TeamKey, "long", version, Published(scope, version, at.AddDays(version), []), Cancel);
        }

        // Act
        await Store.SummarisePublishedAsync(scope.TeamKey, "long", new SummarisedVersions(2, at.AddDays(1), at.AddDays(2), 0), Cancel);
        var versions = await Store.ListPublishedAsync(scope.TeamKey, "long", Cancel);
        var gone = await Store.GetPublishedAsync(scope.TeamKey, "long", 2, Cancel);
        await Store.DeleteMapAsync(scope.TeamKey, "long", Cancel);

        // Assert
        Assert.Equal([3], versions.Kept.Select(v => v.Number));
        Assert.Equal(new SummarisedVersions(2, at.AddDays(1), at.AddDays(2), 0), versions.Summarised);
        Assert.True(versions.WasSummarised(1) && !versions.WasSummarised(3));
        Assert.Null(gone);
        Assert.Null((await Store.ListPublishedAsync(scope.TeamKey, "long", Cancel)).Summarised);
        Assert.Empty((await Store.ListPublishedAsync(scope.TeamKey, "long", Cancel)).Kept);
    }

    [Fact]
    public async Task A_version_rewritten_in_fewer_parts_lists_as_it_reads()
    {
        // Arrange: version 3 first written as three entities' worth (its stamp failed), then again small.
        var scope = Maps.NewScope();
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var large = Enumerable.Range(0, 2_000).Select(i => Maps.NewItem($"k{i:0000}", i, $"Item {i:0000} " + new string('x', 385))).ToList();
        await Store.PutPublishedAsync(scope.TeamKey, "kept", 3, Published(scope, 3, at, large), Cancel);
        await Store.PutPublishedAsync(scope.TeamKey, "kept", 3, Published(scope, 3, at.AddHours(1), [Maps.NewItem("k1")]), Cancel);

        // Act
        var read = await Store.GetPublishedAsync(scope.TeamKey, "kept", 3, Cancel);
        var versions = await Store.ListPublishedAsync(scope.TeamKey, "kept", Cancel);

        // Assert
        Assert.Single(read!.Board.Items);
        Assert.Equal([new VersionLine(3, at.AddHours(1), "Ana", 1)], versions.Kept);
    }

    private static PublishedMap Published(MapScope scope, int version, DateTimeOffset at, IReadOnlyList<MapItem> items)
    {
        var map = Maps.NewMap(scope, "kept");
        map.Status = MapStatus.Published;
        map.PublishedVersion = version;
        map.PublishedAt = at;
        map.PublishedBy = new Person("29:1ana", "Ana");
        return new PublishedMap(map, new MapBoard(items, new Dictionary<string, IReadOnlyList<string>>()));
    }
}
