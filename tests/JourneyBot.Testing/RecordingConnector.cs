using System.Collections.Concurrent;
using System.Text.Json;
using JourneyBot.Protocol.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace JourneyBot.Testing;

/// <summary>One request the bot made to the connector, as it arrived on the wire.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawTarget">The request target exactly as sent (still escaped).</param>
/// <param name="Authorization">The Authorization header, if any.</param>
/// <param name="Body">The body text.</param>
public sealed record ConnectorRequest(string Method, string RawTarget, string? Authorization, string Body)
{
    /// <summary>The body as an activity.</summary>
    public Activity Activity => JsonSerializer.Deserialize(Body, ProtocolJson.Default.Activity)
        ?? throw new InvalidOperationException("The request had no activity body.");
}

/// <summary>A scripted answer of the connector.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body, or null.</param>
/// <param name="RetryAfter">A Retry-After header value, or null.</param>
public sealed record ConnectorAnswer(int Status, string? Body = null, string? RetryAfter = null);

/// <summary>
/// A local connector that records every call the bot makes and answers as the Bot Connector does
/// (200 with a resource id), or as scripted: throttling, faults, error bodies.
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly ConcurrentQueue<ConnectorAnswer> _script = new();
    private int _ids;

    private RecordingConnector(LoopbackServer server) => _server = server;

    /// <summary>The connector's root address (ends in <c>/</c>).</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<ConnectorRequest> Requests => [.. _requests];

    /// <summary>A service URL under this connector with a path, as Teams uses (<c>…/teams/</c>).</summary>
    public string ServiceUrl(string path = "teams/") => new Uri(BaseAddress, path).ToString();

    /// <summary>Starts the connector on a free loopback port.</summary>
    public static async Task<RecordingConnector> StartAsync()
    {
        RecordingConnector? connector = null;
        var server = await LoopbackServer.StartAsync(app => app.Run(http => connector!.HandleAsync(http)));
        connector = new RecordingConnector(server);
        return connector;
    }

    /// <summary>Answers the next calls with <paramref name="answers"/>, in order, then as usual.</summary>
    public void Script(params ConnectorAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    /// <summary>Forgets recorded requests and scripted answers.</summary>
    public void Reset()
    {
        _requests.Clear();
        _script.Clear();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var rawTarget = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        _requests.Enqueue(new ConnectorRequest(http.Request.Method, rawTarget, http.Request.Headers.Authorization.FirstOrDefault(), body));

        if (_script.TryDequeue(out var answer))
        {
            http.Response.StatusCode = answer.Status;
            if (answer.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = answer.RetryAfter;
            }

            if (answer.Body is not null)
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(answer.Body);
            }

            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        await http.Response.WriteAsJsonAsync(new { id = $"activity-{Interlocked.Increment(ref _ids)}" });
    }
}
