using System.Collections.Concurrent;
using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Tests;

/// <summary>
/// Issue 20: the full page and each export read the map's own rows, by point reads and by queries
/// on a row-key range of the map, never by a scan of the team's partition (which grows with every
/// map the team ever made) or of the table. Seen in the requests the table client sends.
/// </summary>
public sealed class MapPageQueryTests : IAsyncDisposable
{
    private const string MapId = "map-1";
    private static readonly MapScope Scope = new("19:team@thread.tacv2", "19:general@thread.tacv2;messageid=1");
    private readonly ConcurrentQueue<(string Method, string Resource)> _requests = new();
    private readonly BotApp _app;

    public MapPageQueryTests() =>
        _app = new(new Dictionary<string, string?>(), services =>
        {
            // The host's table client, with every request it sends recorded.
            services.RemoveAll<TableServiceClient>();
            services.AddSingleton(sp =>
            {
                var options = new TableClientOptions();
                options.AddPolicy(new Recording(_requests), HttpPipelinePosition.PerRetry);
                return new TableServiceClient(sp.GetRequiredService<IOptions<TableStorageOptions>>().Value.ConnectionString, options);
            });
        });

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IMapStore Store => _app.Services.GetRequiredService<IMapStore>();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("/json")]
    [InlineData("/csv")]
    [InlineData("/md")]
    public async Task The_page_and_each_export_query_only_row_ranges_of_the_map_in_the_teams_partition(string format)
    {
        // Arrange: the team has other maps, each with items, so a scan of its partition would show
        var link = await PublishedMapLinkAsync();
        using (var warm = await GetAsync(link, format))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode); // the team's language, kept afterwards, read once
        }

        _requests.Clear();

        // Act
        using var response = await GetAsync(link, format);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = _requests.ToArray();
        Assert.NotEmpty(requests);
        Assert.All(requests, request => Assert.Equal("GET", request.Method));
        var queries = requests.Where(r => r.Resource.Contains("$filter=", StringComparison.Ordinal)).Select(r => Filter(r.Resource)).ToList();
        Assert.NotEmpty(queries);
        Assert.All(queries, filter =>
        {
            // PartitionKey eq 'team' and RowKey ge '…map-1…' and RowKey lt '…map-1…'
            Assert.Matches(@"^PartitionKey eq '[^']+' and RowKey ge '[^']*map-1[^']*' and RowKey lt '[^']*map-1[^']*'", filter);
        });
        // Point reads, one row each: the map's own rows, and the shelf line of its future map (whose id is derived from the map's), to link it
        var points = requests.Where(r => !r.Resource.Contains("$filter=", StringComparison.Ordinal)).Select(r => Uri.UnescapeDataString(r.Resource)).ToList();
        Assert.All(points, point => Assert.Matches(@"\(PartitionKey='[^']+',RowKey='([^']*map-1[^']*|m~[^~']+)'\)", point));
    }

    // The filter of a query, as the service reads it.
    private static string Filter(string resource)
    {
        var query = resource[(resource.IndexOf('?', StringComparison.Ordinal) + 1)..];
        var filter = query.Split('&').Single(p => p.StartsWith("$filter=", StringComparison.Ordinal))["$filter=".Length..];
        return Uri.UnescapeDataString(filter.Replace('+', ' '));
    }

    // Map 1 published with its items and an action, beside two other maps of the team with items of their own.
    private async Task<Uri> PublishedMapLinkAsync()
    {
        foreach (var (id, conversation) in new[] { ("map-0", Scope.ConversationKey + "0"), ("map-2", Scope.ConversationKey + "2"), (MapId, Scope.ConversationKey) })
        {
            var scope = Scope with { ConversationKey = conversation };
            var map = new JourneyMap { Id = id, Name = "Shoe journey " + id, Facilitator = new("alex", "Alex"), ConversationKey = conversation };
            var stage = map.AddStage("Purchase");
            Assert.NotNull(await Store.TryPlaceAsync(scope, map, null, Cancel));
            foreach (var i in Enumerable.Range(1, 3))
            {
                Assert.True(await Store.TryAddItemAsync(Scope.TeamKey, id, new MapItem
                {
                    Id = $"item{i}", Kind = ItemKind.Touchpoint, StageId = stage.Id, Text = $"Touchpoint {i}", Channel = TouchChannel.Website,
                    Author = new("megan", "Megan"), AuthorDepartment = "Sales", CreatedAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
                }, Cancel));
            }
        }

        var held = (await Store.GetLatestConversationMapAsync(Scope, Cancel))!;
        (held.Map.Status, held.Map.PublishedAt, held.Map.PublishedVersion) = (MapStatus.Published, DateTimeOffset.UtcNow, 1);
        await Store.PutPublishedAsync(Scope.TeamKey, MapId, 1, new PublishedMap(held.Map, await Store.GetBoardAsync(Scope.TeamKey, MapId, Cancel)), Cancel);
        Assert.NotNull(await Store.TrySaveAsync(Scope, held, Cancel));
        Assert.True(await _app.Services.GetRequiredService<IActionStore>().TryAddActionAsync(Scope.TeamKey, MapId, new OwnedAction
        {
            Id = "item1", StageId = held.Map.Stages[0].Id, Text = "Call back", Owner = new("aad-megan", "Megan"), OwnerDepartment = "Sales",
            Due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3), CreatedBy = new("alex", "Alex"), CreatedAt = DateTimeOffset.UtcNow,
        }, Cancel));
        return _app.Services.GetRequiredService<MapLinks>().For(Scope.TeamKey, MapId, 1)!;
    }

    private async Task<HttpResponseMessage> GetAsync(Uri link, string suffix)
    {
        using var client = _app.CreateClient();
        return await client.GetAsync(new Uri(link.PathAndQuery + suffix, UriKind.Relative), Cancel);
    }

    // Records the method and resource (path and query) of each request as it leaves, retries included.
    private sealed class Recording(ConcurrentQueue<(string Method, string Resource)> requests) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) =>
            requests.Enqueue((message.Request.Method.Method, message.Request.Uri.ToUri().PathAndQuery));
    }
}
