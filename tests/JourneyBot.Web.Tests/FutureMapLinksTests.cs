using System.Net;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Lifecycle;
using JourneyBot.Conversation.Mapping;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>
/// The link from a future map to its current map on the page and in the exports, through the
/// real host on Azurite: linked while both are there; once the current map is deleted, the future's page
/// and exports say so without a link, and the deleted map's own links answer 410 saying it was deleted.
/// </summary>
public sealed class FutureMapLinksTests : IAsyncDisposable
{
    private static readonly MapScope Scope = new("19:team@thread.tacv2", "19:general@thread.tacv2;messageid=1");
    private readonly BotApp _app = new(new Dictionary<string, string?>());

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IMapStore Store => _app.Services.GetRequiredService<IMapStore>();

    private MapLinks Links => _app.Services.GetRequiredService<MapLinks>();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // "Shoes" published as v1 and shelved, then its future "Shoes (future)" published as v1 in the same conversation.
    private async Task<(Uri Current, Uri Future)> PairAsync()
    {
        var current = new JourneyMap { Id = "map-1", Name = "Shoes", Facilitator = new("alex", "Alex"), ConversationKey = Scope.ConversationKey };
        var stage = current.AddStage("Purchase");
        await PublishAsync(current, null);
        var future = new JourneyMap
        {
            Id = "map-1-future", Name = "Shoes (future)", Facilitator = new("alex", "Alex"), ConversationKey = Scope.ConversationKey,
            Stages = [stage], NextStageNumber = 2,
            FutureOf = new FutureOf("map-1", "Shoes", 1)
            {
                Remove = [new DesignPoint(stage.Id, "Checkout asks for an account", 2)],
                Targets = [new DesignPoint(stage.Id, "Guest checkout", 1, "Product")],
            },
        };
        await PublishAsync(future, await Store.GetLatestConversationMapAsync(Scope, Cancel));
        return (Links.For(Scope.TeamKey, "map-1", 1)!, Links.For(Scope.TeamKey, future.Id, 1)!);
    }

    private async Task PublishAsync(JourneyMap map, StoredMap? replacing)
    {
        Assert.NotNull(await Store.TryPlaceAsync(Scope, map, replacing, Cancel));
        var held = (await Store.GetLatestConversationMapAsync(Scope, Cancel))!;
        (held.Map.Status, held.Map.PublishedAt, held.Map.PublishedVersion) = (MapStatus.Published, DateTimeOffset.UtcNow, 1);
        await Store.PutPublishedAsync(Scope.TeamKey, map.Id, 1, new PublishedMap(held.Map, await Store.GetBoardAsync(Scope.TeamKey, map.Id, Cancel)), Cancel);
        Assert.NotNull(await Store.TrySaveAsync(Scope, held, Cancel));
    }

    private async Task<(HttpStatusCode Status, string Text)> GetAsync(Uri link, string suffix = "")
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(new Uri(link.PathAndQuery + suffix, UriKind.Relative), Cancel);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel)));
    }

    // A link's map, without its expiry and signature (which differ from link to link): key fingerprint, team and map.
    private static string MapPart(Uri link) => string.Join('.', link.AbsolutePath["/maps/".Length..].Split('.')[..3]);

    [Fact]
    public async Task The_future_maps_page_and_exports_carry_its_brief_and_link_the_current_map()
    {
        var (current, future) = await PairAsync();

        foreach (var suffix in new[] { string.Empty, "/md", "/json", "/csv" })
        {
            var (status, text) = await GetAsync(future, suffix);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("/maps/" + MapPart(current), text, StringComparison.Ordinal);
            Assert.Contains("Checkout asks for an account", text, StringComparison.Ordinal);
            Assert.Contains("Guest checkout", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Once_the_current_map_is_deleted_the_future_says_so_without_a_link_and_the_current_maps_links_answer_410()
    {
        var (current, future) = await PairAsync();

        Assert.True(await _app.Services.GetRequiredService<MapDeletion>().DeleteAsync(Scope.TeamKey, "map-1", Cancel));

        foreach (var suffix in new[] { string.Empty, "/md", "/json", "/csv" })
        {
            var (status, text) = await GetAsync(future, suffix);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.DoesNotContain(MapPart(current), text, StringComparison.Ordinal);
            Assert.Contains(suffix == "/json" ? "\"Deleted\"" : "Future state of “Shoes”: the current map was deleted.", text, StringComparison.Ordinal);
            Assert.Contains("Checkout asks for an account", text, StringComparison.Ordinal);
        }

        foreach (var suffix in new[] { string.Empty, "/md", "?v=1" })
        {
            var (status, text) = await GetAsync(current, suffix);
            Assert.Equal(HttpStatusCode.Gone, status);
            Assert.Equal("This map was deleted, with everything stored for it, so its links lead nowhere now.", text);
        }
    }
}
