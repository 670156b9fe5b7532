using System.Net.Http.Headers;
using System.Text.Json;
using JourneyBot.Protocol.Schema;

namespace JourneyBot.Bench.Load.Running;

/// <summary>The bot's answer to one activity, and how long the POST took from send to the last byte of the answer.</summary>
internal sealed record BotAnswer(int Status, string Body, double LatencyMs, string? Failure = null);

/// <summary>
/// Posts activities to the bot as the channel does, over a pool of keep-alive connections. With
/// several bot processes, turn after turn goes to the next one, whatever its conversation: as the
/// deployment's load balancer spreads requests without session affinity (the channel keeps no
/// cookies), so one thread's turns reach every instance.
/// </summary>
internal sealed class BotClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly IReadOnlyList<Uri> _messages;
    private int _next = -1;

    public BotClient(IReadOnlyList<Uri> messagesUrls)
    {
        _messages = messagesUrls;
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
            var bot = _messages[(int)((uint)Interlocked.Increment(ref _next) % (uint)_messages.Count)];
            using var response = await _http.PostAsync(bot, content);
            var body = await response.Content.ReadAsStringAsync();
            return new BotAnswer((int)response.StatusCode, body, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new BotAnswer(0, string.Empty, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>Reads a page or export of the bot (a map link), as a stakeholder's browser does; null when it did not answer 200.</summary>
    public async Task<string?> GetAsync(Uri url)
    {
        try
        {
            using var response = await _http.GetAsync(url);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
