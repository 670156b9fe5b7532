using System.Net;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Versions;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>
/// A map's versions behind its link: <c>?v=N</c> shows another version of the same map, the page lists
/// the versions and what changed since the one before, <c>/changes.md</c> downloads that; a version
/// summarised or unknown is answered in words, never with an error.
/// </summary>
public sealed class MapVersionPagesTests : IAsyncDisposable
{
    private static readonly MapScope Scope = new("19:team@thread.tacv2", "19:versions@thread.tacv2;messageid=1");
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly BotApp _app = new(new Dictionary<string, string?>());

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IMapStore Store => _app.Services.GetRequiredService<IMapStore>();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Three versions of one map: the touchpoint "Fax <form>" of v1 is gone in v2, which adds "Web <shop>".
    private async Task<Uri> ThreeVersionsAsync()
    {
        var map = new JourneyMap { Id = "map-v", Name = "Shoe journey", Facilitator = new("alex", "Alex"), ConversationKey = Scope.ConversationKey };
        var stage = map.AddStage("Purchase");
        Assert.NotNull(await Store.TryPlaceAsync(Scope, map, null, Cancel));
        MapItem Touchpoint(string id, string text) => new()
        {
            Id = id, Kind = ItemKind.Touchpoint, StageId = stage.Id, Text = text, Channel = TouchChannel.Website, Author = new("megan", "Megan <b>B</b>"),
        };
        var boards = new[] { [Touchpoint("t1", "Fax <form>")], new[] { Touchpoint("t2", "Web <shop>") }, [Touchpoint("t2", "Web <shop>")] };
        for (var version = 1; version <= 3; version++)
        {
            map.Status = MapStatus.Published;
            (map.PublishedVersion, map.PublishedAt, map.PublishedBy) = (version, At.AddDays(version), new Person("alex", "Alex"));
            await Store.PutPublishedAsync(Scope.TeamKey, map.Id, version,
                new PublishedMap(map, new MapBoard(boards[version - 1], new Dictionary<string, IReadOnlyList<string>>())), Cancel);
        }

        return _app.Services.GetRequiredService<MapLinks>().For(Scope.TeamKey, map.Id, 2)!;
    }

    private async Task<HttpResponseMessage> GetAsync(Uri link, string suffix)
    {
        using var client = _app.CreateClient();
        return await client.GetAsync(new Uri(link.AbsolutePath + suffix, UriKind.Relative), Cancel);
    }

    [Fact]
    public async Task The_page_shows_the_version_its_link_names_lists_all_and_says_what_changed_since_the_one_before()
    {
        var link = await ThreeVersionsAsync();

        using var response = await GetAsync(link, string.Empty);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"?v=3\">This is version 2. The latest is version 3.</a>", html, StringComparison.Ordinal);
        Assert.Contains("version 2 (shown): published 3 Dec 2026 by Alex", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"?v=1\">v1</a>: published 2 Dec 2026 by Alex, 1 item", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"changes\">What changed since v1</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Touchpoints added: Web &lt;shop&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Touchpoints removed: Fax &lt;form&gt;", html, StringComparison.Ordinal);
        Assert.Contains("/changes.md?v=2\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_version_of_the_same_map_is_one_query_parameter_away_and_its_changes_download_as_markdown()
    {
        var link = await ThreeVersionsAsync();

        using var first = await GetAsync(link, "?v=1");
        using var changes = await GetAsync(link, "/" + MapExport.ChangesFormat + "?v=2");
        using var none = await GetAsync(link, "/" + MapExport.ChangesFormat + "?v=1");
        var firstHtml = await first.Content.ReadAsStringAsync(Cancel);
        var markdown = await changes.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Fax &lt;form&gt;", firstHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"changes\"", firstHtml, StringComparison.Ordinal);
        Assert.Equal("text/markdown", changes.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("# What changed since v1", markdown, StringComparison.Ordinal);
        Assert.Contains("Touchpoints removed: Fax &lt;form&gt;", markdown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(VersionTexts.NoChanges, await none.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("?v=9", HttpStatusCode.NotFound)]
    [InlineData("?v=abc", HttpStatusCode.NotFound)]
    [InlineData("?v=-1", HttpStatusCode.NotFound)]
    [InlineData("?v=1", HttpStatusCode.Gone)]
    public async Task A_version_not_kept_is_answered_in_words(string query, HttpStatusCode status)
    {
        var link = await ThreeVersionsAsync();
        await Store.SummarisePublishedAsync(Scope.TeamKey, "map-v", new SummarisedVersions(1, At.AddDays(1), At.AddDays(1), 1), Cancel);

        using var response = await GetAsync(link, query);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(status == HttpStatusCode.Gone ? VersionTexts.Summarised(1) : VersionTexts.Unknown, await response.Content.ReadAsStringAsync(Cancel));
    }
}
