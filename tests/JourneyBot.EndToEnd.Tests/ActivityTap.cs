using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using JourneyBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>
/// Sits between Agents Playground and the bot: passes every activity on unchanged and keeps a copy.
/// The page shows no conversation ids; a test needs the thread's to post in it as another member,
/// as Teams would deliver their messages (the page can act as one user only).
/// </summary>
public sealed class ActivityTap : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<JsonObject> _activities = new();
    // A new connection for each activity: the bot may restart between two of them (a pooled
    // connection to the stopped process would fail the next one).
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero });

    private ActivityTap(LoopbackServer server) => _server = server;

    /// <summary>Where the Playground posts its activities.</summary>
    public string MessagesUrl => new Uri(_server.BaseAddress, "api/messages").ToString();

    /// <summary>Every activity so far, as the Playground sent it.</summary>
    public IReadOnlyList<JsonObject> Activities => [.. _activities];

    /// <summary>Starts the tap, which forwards to whatever <paramref name="botMessagesUrl"/> gives at the time (the bot may restart).</summary>
    public static async Task<ActivityTap> StartAsync(Func<string> botMessagesUrl)
    {
        ActivityTap? tap = null;
        var server = await LoopbackServer.StartAsync(app => app.MapPost("/api/messages", (HttpContext http) => tap!.ForwardAsync(http, botMessagesUrl())));
        tap = new ActivityTap(server);
        return tap;
    }

    /// <summary>The first message whose text ends with <paramref name="text"/> (a mention comes before it).</summary>
    public JsonObject MessageEndingWith(string text) =>
        Activities.First(a => (string?)a["type"] == "message" && ((string?)a["text"])?.TrimEnd().EndsWith(text, StringComparison.Ordinal) == true);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    private async Task ForwardAsync(HttpContext http, string target)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        if (JsonNode.Parse(body) is JsonObject activity)
        {
            _activities.Enqueue(activity);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (http.Request.Headers.Authorization.FirstOrDefault() is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _http.SendAsync(request);
        http.Response.StatusCode = (int)response.StatusCode;
        var answer = await response.Content.ReadAsByteArrayAsync();
        if (answer.Length > 0)
        {
            http.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
            await http.Response.Body.WriteAsync(answer);
        }
    }
}
