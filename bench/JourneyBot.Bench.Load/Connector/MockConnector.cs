using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Bench.Load.Connector;

/// <summary>
/// A local Bot Connector (Kestrel on 127.0.0.1) that answers the REST calls the bot makes as the
/// real one does, and counts them: calls and request bytes, per conversation too, and the most
/// sends into one conversation within any second. It enforces Teams' per-conversation send limits
/// (<see cref="TeamsSendLimits"/>): a send beyond them gets 429 with a Retry-After and is counted.
/// </summary>
/// <remarks>
/// Sends are POST <c>v3/conversations/{id}/activities[/{replyToId}]</c> (answered with a new id) and
/// PUT <c>…/activities/{id}</c> (an update in place); DELETE and anything else get 200 <c>{}</c>.
/// </remarks>
internal sealed class MockConnector : IAsyncDisposable
{
    private const string ConversationsPath = "/v3/conversations/";

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConversationLog> _conversations = new(StringComparer.Ordinal);
    private long _nextId = 1_700_000_000_000;
    private int _maxSendsPerSecond;

    private MockConnector(WebApplication app) => _app = app;

    /// <summary>The service URL activities carry: a path under the connector, as Teams' do (<c>…/teams/</c>).</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Totals over every conversation.</summary>
    public ConnectorTotals Totals { get; } = new();

    /// <summary>Raised with the name of each complaint the bot posts (for the error report).</summary>
    public event Action<string>? ComplaintSeen;

    /// <summary>The most sends into any one conversation within any second, since <see cref="ResetSendRate"/>.</summary>
    public int MaxSendsPerSecondPerConversation => Volatile.Read(ref _maxSendsPerSecond);

    /// <summary>Starts the connector on a free loopback port.</summary>
    public static async Task<MockConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        var connector = new MockConnector(app);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/teams/";
        return connector;
    }

    /// <summary>The log of a conversation (its id as the activity carries it).</summary>
    public ConversationLog Conversation(string conversationId) =>
        _conversations.GetOrAdd(Uri.EscapeDataString(conversationId), _ => new ConversationLog());

    /// <summary>Starts the send-rate maximum afresh (between two measured phases in one run).</summary>
    public void ResetSendRate()
    {
        foreach (var log in _conversations.Values)
        {
            log.ResetMaxSendsPerSecond();
        }

        Volatile.Write(ref _maxSendsPerSecond, 0);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        // A send counts from the moment its request arrived, before its body is read (big bodies take longer).
        var arrived = Stopwatch.GetTimestamp();
        var body = await ReadBodyAsync(http.Request);
        var rawTarget = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var (conversationKey, activityId) = Parse(rawTarget);
        var method = http.Request.Method;
        Totals.Call(body.Length);
        var log = conversationKey is null ? null : _conversations.GetOrAdd(conversationKey, _ => new ConversationLog());
        log?.Call();

        byte[] answer = EmptyObject;
        if (log is not null && (HttpMethods.IsPost(method) || HttpMethods.IsPut(method))
            && log.Limits.RetryAfterSeconds(arrived) is { } retryAfter)
        {
            Totals.Throttle();
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            return;
        }

        if (log is not null && (HttpMethods.IsPost(method) || HttpMethods.IsPut(method)))
        {
            RecordSend(log, arrived);
            Inspect(body);
            if (HttpMethods.IsPost(method))
            {
                Totals.Post();
                var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
                if (body.AsSpan().IndexOf(ReplyMarkers.AdaptiveCard) >= 0)
                {
                    log.CardPosted(id, body);
                }

                if (body.AsSpan().IndexOf(ReplyMarkers.MapCard) >= 0)
                {
                    log.MapCardPosted(body);
                }

                answer = Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\"}}");
            }
            else
            {
                Totals.Put();
                if (activityId is not null && activityId == log.ProgressCardId)
                {
                    Totals.ProgressUpdate();
                }

                answer = Encoding.UTF8.GetBytes($"{{\"id\":\"{activityId}\"}}");
            }
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = answer.Length;
        await http.Response.Body.WriteAsync(answer);
    }

    private void RecordSend(ConversationLog log, long arrived)
    {
        var inLastSecond = log.Send(arrived);
        var max = Volatile.Read(ref _maxSendsPerSecond);
        while (inLastSecond > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxSendsPerSecond, inLastSecond, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    private void Inspect(ReadOnlySpan<byte> body)
    {
        if (body.IndexOf(ReplyMarkers.MapCard) >= 0)
        {
            Totals.MapCard();
        }

        if (ReplyMarkers.Complaint(body) is { } complaint)
        {
            Totals.Complaint();
            ComplaintSeen?.Invoke(complaint);
        }
    }

    // /teams/v3/conversations/{id}/activities[/{activityId}], ids still escaped as they were sent.
    private static (string? ConversationKey, string? ActivityId) Parse(string rawTarget)
    {
        var at = rawTarget.IndexOf(ConversationsPath, StringComparison.Ordinal);
        if (at < 0)
        {
            return (null, null);
        }

        var parts = rawTarget[(at + ConversationsPath.Length)..].Split('?')[0].Split('/');
        var activityId = parts.Length >= 3 && parts[1] == "activities" ? Uri.UnescapeDataString(parts[2]) : null;
        return (parts[0], activityId);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync();
            if (result.IsCompleted)
            {
                var bytes = result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return bytes;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }
}
