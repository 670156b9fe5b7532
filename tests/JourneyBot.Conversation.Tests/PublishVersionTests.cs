using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Versions;
using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Conversation.Tests;

/// <summary>What a publish stamps: only a version it stored, and never more than the versions a map keeps whole.</summary>
public sealed class PublishVersionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_map_changed_while_it_is_published_is_stamped_with_a_version_that_holds_the_change()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await VersionFlowTests.OpenPublishableAsync(session, "Racing journey");

        await session.SayAsync(Megan, "touchpoint Purchase | website | Checkout page");
        var store = (InMemoryMapStore)session.Store;
        // A change lands just after the publish read the map: the version kept first holds the map without it.
        store.BeforeBoardRead = async () =>
        {
            store.BeforeBoardRead = null;
            var latest = (await store.GetLatestConversationMapAsync(session.Scope, Ct))!;
            latest.Map.Objective = "Sell even more shoes";
            Assert.NotNull(await store.TrySaveAsync(session.Scope, latest, Ct));
        };

        var published = await session.SayAsync(Alex, "publish");

        var map = await session.MapAsync();
        Assert.Contains("is published", CardText.Of(published), StringComparison.Ordinal);
        Assert.Equal((MapStatus.Published, 1, "Sell even more shoes"), (map.Status, map.PublishedVersion, map.Objective));
        var kept = await store.GetPublishedAsync(session.Scope.TeamKey, map.Id, 1, Ct);
        Assert.Equal(("Sell even more shoes", map.PublishedAt), (kept!.Map.Objective, kept.Map.PublishedAt));
    }

    [Fact]
    public async Task Beyond_fifty_versions_the_oldest_are_summarised_and_still_listed_not_dropped()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await VersionFlowTests.OpenPublishableAsync(session, "Long lived");

        await session.SayAsync(Megan, "touchpoint Purchase | website | Checkout page");
        for (var publish = 0; publish < PublishedVersions.MaxKept + 2; publish++)
        {
            await session.SayAsync(Alex, "publish");
            await session.SayAsync(Alex, "open Long lived");
        }

        var map = await session.MapAsync();
        var versions = await session.Store.ListPublishedAsync(session.Scope.TeamKey, map.Id, Ct);
        var listed = (await session.SayAsync(Megan, "versions")).ToString();

        Assert.Equal(52, map.PublishedVersion);
        Assert.Equal(Enumerable.Range(3, 50), versions.Kept.Select(v => v.Number));
        Assert.Equal((2, 1), (versions.Summarised!.Through, versions.Summarised.LastItems));
        Assert.Null(await session.Store.GetPublishedAsync(session.Scope.TeamKey, map.Id, 2, Ct));
        Assert.NotNull(await session.Store.GetPublishedAsync(session.Scope.TeamKey, map.Id, 3, Ct));
        Assert.Contains("Versions 1 to 2", listed, StringComparison.Ordinal);
        Assert.Contains("40 earlier versions", listed, StringComparison.Ordinal);
    }
}
