using System.Net;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Mapping;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>The full map and its exports, served only behind signed, unexpired links.</summary>
public sealed class MapPagesTests : IAsyncDisposable
{
    private readonly BotApp _app = new(new Dictionary<string, string?>());

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<Uri> PublishedMapLinkAsync()
    {
        var store = _app.Services.GetRequiredService<IMapStore>();
        var scope = new MapScope("19:team@thread.tacv2", "19:general@thread.tacv2;messageid=1");
        var map = new JourneyMap
        {
            Id = "map-1", Name = "Shoe <journey>", Facilitator = new("alex", "Alex"), ConversationKey = scope.ConversationKey,
            Objective = "Sell <b>more</b>", StartPoint = "Start", EndPoint = "End",
        };
        var stage = map.AddStage("Purchase & pay");
        var cancel = TestContext.Current.CancellationToken;
        Assert.NotNull(await store.TryPlaceAsync(scope, map, null, cancel));
        await store.TryAddItemAsync(scope.TeamKey, map.Id, new MapItem
        {
            Id = "item1", Kind = ItemKind.Touchpoint, StageId = stage.Id, Text = "<img src=x onerror=alert(1)>", Channel = TouchChannel.Website,
            Author = new("megan", "Megan"), AuthorDepartment = "Sales",
        }, cancel);
        return _app.Services.GetRequiredService<MapLinks>().For(scope.TeamKey, map.Id)!;
    }

    [Fact]
    public async Task The_page_is_served_encoded_and_locked_down()
    {
        var link = await PublishedMapLinkAsync();
        using var client = _app.CreateClient();

        var response = await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.MediaType());
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Shoe &lt;journey&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("json", "application/json", "\"text\": \"<img src=x onerror=alert(1)>\"")]
    [InlineData("csv", "text/csv", "\"Website\"")]
    [InlineData("md", "text/markdown", "&lt;img src=x onerror=alert(1)&gt;")]
    public async Task Each_export_downloads_with_its_type(string format, string mediaType, string contains)
    {
        var link = await PublishedMapLinkAsync();
        using var client = _app.CreateClient();

        var response = await client.GetAsync(new Uri(link.PathAndQuery + "/" + format, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.MediaType());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains(contains, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/maps/not-a-token")]
    [InlineData("/maps/a.b.1.c")]
    [InlineData("/maps")]
    [InlineData("/maps/{token}/exe")]
    [InlineData("/maps/{forged}")]
    public async Task Without_a_valid_link_there_is_nothing_to_see(string path)
    {
        var link = await PublishedMapLinkAsync();
        var token = link.AbsolutePath["/maps/".Length..];
        var forged = string.Join('.', token.Split('.') is var p ? [p[0], Convert.ToBase64String("map-2"u8.ToArray()).TrimEnd('='), p[2], p[3]] : []);
        using var client = _app.CreateClient();

        var response = await client.GetAsync(new Uri(path.Replace("{token}", token, StringComparison.Ordinal)
            .Replace("{forged}", forged, StringComparison.Ordinal), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_link_says_so()
    {
        await using var app = new BotApp(new Dictionary<string, string?> { ["MapLinks:Lifetime"] = "-00:01:00" });
        var link = app.Services.GetRequiredService<MapLinks>().For("team", "map")!;
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }
}
