using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage.Tests;

public sealed class ConcurrencyTests(StoreFixture fixture) : StoreTests(fixture)
{
    [Fact]
    public async Task Twenty_concurrent_TrySave_calls_from_the_same_version_save_exactly_once()
    {
        // Arrange: twenty members read the same version and each changes it.
        var scope = Maps.NewScope();
        await HoldAsync(scope, "m");
        var reads = new List<StoredMap>();
        for (var i = 0; i < 20; i++)
        {
            var read = await HeldAsync(scope);
            read.Map.Persona = $"persona {i}";
            reads.Add(read);
        }

        // Act
        var results = await Task.WhenAll(reads.Select(read => Store.TrySaveAsync(scope, read, Cancel)));

        // Assert
        var winner = Assert.Single(results.Select((etag, i) => (etag, i)), r => r.etag is not null);
        var stored = await HeldAsync(scope);
        Assert.Equal((winner.etag, $"persona {winner.i}"), (stored.ETag, stored.Map.Persona));
    }

    [Fact]
    public async Task Concurrent_TryPlace_calls_into_an_empty_conversation_place_exactly_one_map()
    {
        // Arrange
        var scope = Maps.NewScope();

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => Store.TryPlaceAsync(scope, Maps.NewMap(scope, $"map{i}"), null, Cancel)));

        // Assert
        Assert.Single(results, etag => etag is not null);
        Assert.NotNull(await Store.GetConversationMapAsync(scope, Cancel));
    }
}
