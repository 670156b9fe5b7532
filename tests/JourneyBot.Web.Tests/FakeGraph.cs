using System.Collections.Concurrent;
using JourneyBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace JourneyBot.Web.Tests;

/// <summary>One request the bot made to Graph, as it arrived.</summary>
/// <param name="Path">The path, e.g. <c>/v1.0/users/{id}</c>.</param>
/// <param name="Query">The query string, with its <c>?</c>.</param>
/// <param name="Authorization">The Authorization header, if any.</param>
public sealed record GraphRequest(string Path, string Query, string? Authorization);

/// <summary>
/// A local stand-in for Microsoft Graph's <c>users/{id}</c>, on 127.0.0.1: answers with the
/// department it holds for the user (404 for a user it does not know), or with a status a test
/// sets, or not at all while held; records every request.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    private readonly ConcurrentQueue<GraphRequest> _requests = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackServer _server = null!;

    private FakeGraph()
    {
    }

    /// <summary>Profiles' departments by user id; a null department is a profile without one.</summary>
    public ConcurrentDictionary<string, string?> Departments { get; } = new();

    /// <summary>When set, every request is answered with this status.</summary>
    public int? Status { get; set; }

    /// <summary>When true, requests get no answer until the fake is disposed: a Graph that is too slow.</summary>
    public bool Held { get; set; }

    /// <summary>The requests so far.</summary>
    public IReadOnlyList<GraphRequest> Requests => [.. _requests];

    /// <summary>The API root to configure as <c>Graph:BaseUrl</c>.</summary>
    public string BaseUrl => new Uri(_server.BaseAddress, "v1.0/").ToString();

    /// <summary>Starts the fake on a free loopback port.</summary>
    public static async Task<FakeGraph> StartAsync()
    {
        var graph = new FakeGraph();
        graph._server = await LoopbackServer.StartAsync(app => app.MapGet("v1.0/users/{id}", (Delegate)graph.AnswerAsync));
        return graph;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _released.TrySetResult();
        await _server.DisposeAsync();
    }

    private async Task<IResult> AnswerAsync(HttpContext http, string id)
    {
        _requests.Enqueue(new GraphRequest(http.Request.Path, http.Request.QueryString.Value ?? string.Empty, http.Request.Headers.Authorization.FirstOrDefault()));
        if (Held)
        {
            await _released.Task.WaitAsync(http.RequestAborted);
        }

        if (Status is { } status)
        {
            return Results.StatusCode(status);
        }

        return Departments.TryGetValue(id, out var department)
            ? Results.Json(new Dictionary<string, string?> { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users(department)/$entity", ["department"] = department })
            : Results.NotFound();
    }
}
