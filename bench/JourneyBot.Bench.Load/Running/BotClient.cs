using System.Net.Http.Headers;
using System.Text.Json;
using JourneyBot.Protocol.Schema;

namespace JourneyBot.Bench.Load.Running;

/// <summary>The bot's answer to one activity, and how long the POST took from send to the last byte of the answer.</summary>
internal sealed record BotAnswer(int Status, string Body, double LatencyMs, string? Failure = null);

/// <summary>Posts activities to the bot as the channel does, over a pool of keep-alive connections.</summary>
internal sealed class BotClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly Uri _messages;

    public BotClient(Uri messagesUrl)
    {
        _messages = messagesUrl;
        // Enough connections that a turn never waits for one; no proxy, whatever the environment says.
        _http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = 4096,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>Posts <paramref name="activity"/>; the clock runs from just before the request to the end of the answer's body.</summary>
    public async Task<BotAnswer> PostAsync(Activity activity)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Default.Activity);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = Json;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.PostAsync(_messages, content);
            var body = await response.Content.ReadAsStringAsync();
            return new BotAnswer((int)response.StatusCode, body, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new BotAnswer(0, string.Empty, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name + ": " + ex.Message);
        }
    }

    public void Dispose() => _http.Dispose();
}
