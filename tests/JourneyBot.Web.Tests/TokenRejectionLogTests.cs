using System.Net;
using JourneyBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace JourneyBot.Web.Tests;

/// <summary>
/// Bad bearer tokens cannot flood the log: only <c>/api/messages</c> reads a token at all, and its
/// rejections are logged at Warning once a minute, the others at Debug and counted into the next Warning.
/// </summary>
public sealed class TokenRejectionLogTests : IAsyncDisposable
{
    private const string BadToken = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V2aWwuZXhhbXBsZSJ9.c2ln";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly BotApp _app;

    public TokenRejectionLogTests()
    {
        // The metadata addresses are never fetched: every token here fails on its issuer first.
        _app = new BotApp(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = BotApp.AppId,
            ["MicrosoftAppPassword"] = "test-secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = "http://127.0.0.1:9/channel",
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = "http://127.0.0.1:9/entra",
            ["Logging:LogLevel:JourneyBot.Protocol"] = "Debug",
        }, s => BotApp.UseClock(s, _clock));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<HttpStatusCode> PostBadTokenAsync()
    {
        var activity = Activities.Message("https://smba.trafficmanager.net/teams/", "help", mentionBot: true);
        return (await _app.PostRawAsync(activity.ToJson(), BadToken)).StatusCode;
    }

    private int Rejections(LogLevel level) => _app.Logs.GetSnapshot().Count(r => r.Id.Id is 1001 or 1110 && r.Level == level);

    [Fact]
    public async Task A_bad_token_on_any_other_path_is_not_read()
    {
        using var client = _app.CreateClient();
        _app.Logs.Clear();

        for (var i = 0; i < 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
            request.Headers.TryAddWithoutValidation("Authorization", BadToken);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.DoesNotContain(_app.Logs.GetSnapshot(), r => r.Id.Id is 1001 or 1110 || r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_hundred_bad_tokens_log_one_warning_and_the_next_minutes_warning_counts_the_rest()
    {
        _app.Logs.Clear();

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await PostBadTokenAsync());
        }

        Assert.True(_app.Logs.GetSnapshot().Count(r => r.Level >= LogLevel.Warning) <= 2);
        Assert.Equal(1, Rejections(LogLevel.Warning));
        Assert.Equal(99, Rejections(LogLevel.Debug));

        _clock.Advance(TimeSpan.FromSeconds(59));
        await PostBadTokenAsync();
        Assert.Equal(1, Rejections(LogLevel.Warning));

        _clock.Advance(TimeSpan.FromSeconds(2));
        _app.Logs.Clear();
        await PostBadTokenAsync();
        var warning = Assert.Single(_app.Logs.GetSnapshot(), r => r.Id.Id == 1001);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("100 more rejected since", warning.Message, StringComparison.Ordinal);
    }
}
