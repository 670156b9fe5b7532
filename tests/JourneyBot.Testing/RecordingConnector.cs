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
/// <param name="AnsweredId">The activity id the connector answered with, if any.</param>
public sealed record ConnectorRequest(string Method, string RawTarget, string? Authorization, string Body, string? AnsweredId = null)
{
    /// <summary>When the request arrived (the connector's clock, real time).</summary>
    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The status the connector answered with (200 unless scripted or throttled).</summary>
    public int Status { get; init; } = 200;

    /// <summary>Whether this is a create-conversation call (<c>POST …/v3/conversations</c>).</summary>
    public bool CreatesConversation => Method == "POST" && RawTarget.Split('?')[0].EndsWith("/v3/conversations", StringComparison.Ordinal);

    /// <summary>The body as create-conversation parameters.</summary>
    public ConversationParameters Parameters => JsonSerializer.Deserialize(Body, ProtocolJson.Default.ConversationParameters)
        ?? throw new InvalidOperationException("The request had no conversation parameters.");

    /// <summary>The body as an activity.</summary>
    public Activity Activity => JsonSerializer.Deserialize(Body, ProtocolJson.Default.Activity)
        ?? throw new InvalidOperationException("The request had no activity body.");

    /// <summary>Every string in the body, decoded and joined: what its text and card say.</summary>
    public string AllText()
    {
        var text = new System.Text.StringBuilder();
        using var document = JsonDocument.Parse(Body.Length == 0 ? "{}" : Body);
        Collect(document.RootElement, text);
        return text.ToString();
    }

    private static void Collect(JsonElement element, System.Text.StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                text.Append(element.GetString());
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, text);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, text);
                }

                break;
            default:
                break;
        }
    }
}

/// <summary>A scripted answer of the connector.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body, or null.</param>
/// <param name="RetryAfter">A Retry-After header value, or null.</param>
public sealed record ConnectorAnswer(int Status, string? Body = null, string? RetryAfter = null);

/// <summary>
/// A local connector that records every call the bot makes and answers as the Bot Connector does
/// (200 with a resource id), or as scripted: throttling, faults, error bodies. It also starts 1:1
/// conversations (<c>POST v3/conversations</c>: one id per member, the same each time, as Teams
/// keeps one 1:1 chat per bot and user; or per member as scripted, see <see cref="AnswerChatsWith"/>)
/// and lists a conversation's members page by page (<see cref="UseRoster"/>).
/// </summary>
public sealed partial class RecordingConnector : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly ConcurrentQueue<ConnectorAnswer> _script = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private volatile TaskCompletionSource? _held;
    private readonly ConcurrentDictionary<object, string> _waiting = new();
    private volatile Throttle? _throttle;
    private int _ids;

    private RecordingConnector(LoopbackServer server) => _server = server;

    /// <summary>The connector's root address (ends in <c>/</c>).</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<ConnectorRequest> Requests => [.. _requests];

    /// <summary>A service URL under this connector with a path, as Teams uses (<c>…/teams/</c>).</summary>
    public string ServiceUrl(string path = "teams/") => new Uri(BaseAddress, path).ToString();

    /// <summary>
    /// How long the connector takes to answer each call (zero by default): a slow Teams, so that a
    /// burst of sends is still in flight when a test stops a bot midway. The call is recorded once
    /// it arrives, answered or not, as Teams would deliver a message whose sender died waiting.
    /// </summary>
    public TimeSpan AnswerDelay { get; set; }

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

    /// <summary>
    /// Answers every post or update of an activity with 429 and <c>Retry-After</c> of
    /// <paramref name="retryAfterSeconds"/> until <paramref name="until"/> (real time), as Teams
    /// throttles a busy thread; those attempts are recorded too (<see cref="ConnectorRequest.Status"/> 429).
    /// Other calls (reads, new chats) are answered as usual.
    /// </summary>
    public void ThrottleUntil(DateTimeOffset until, int retryAfterSeconds = 2) => _throttle = new Throttle(until, retryAfterSeconds);

    /// <summary>Waits until a request matching <paramref name="match"/> has arrived (requests made in the background).</summary>
    public async Task<ConnectorRequest> WaitForAsync(Func<ConnectorRequest, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (Requests.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await _arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching connector request within {timeout}.");
            }
        }
    }

    /// <summary>
    /// Holds every request from now on, unrecorded and unanswered, until the returned action is
    /// called: a connector that is slow to answer.
    /// </summary>
    public Action Hold()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held = gate;
        return () =>
        {
            _held = null;
            gate.TrySetResult();
        };
    }

    /// <summary>The raw targets of the requests waiting at <see cref="Hold"/> now: calls whose caller is mid-send.</summary>
    public IReadOnlyCollection<string> HeldTargets => [.. _waiting.Values];

    /// <summary>Forgets recorded requests, scripted answers, the roster and the 1:1 chats started.</summary>
    public void Reset()
    {
        _requests.Clear();
        _script.Clear();
        _throttle = null;
        AnswerDelay = TimeSpan.Zero;
        ResetConversations();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        if (_held is { } gate)
        {
            var waiting = new object();
            _waiting[waiting] = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
            try
            {
                await gate.Task;
            }
            finally
            {
                _waiting.TryRemove(waiting, out _);
            }
        }

        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var rawTarget = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var authorization = http.Request.Headers.Authorization.FirstOrDefault();

        if (_throttle is { } throttle && DateTimeOffset.UtcNow < throttle.Until && SendsActivity(http.Request.Method, rawTarget))
        {
            Record(new ConnectorRequest(http.Request.Method, rawTarget, authorization, body) { Status = StatusCodes.Status429TooManyRequests });
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = throttle.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return;
        }

        if (_script.TryDequeue(out var answer))
        {
            Record(new ConnectorRequest(http.Request.Method, rawTarget, authorization, body) { Status = answer.Status });
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

        if (await TryAnswerConversationsAsync(http, rawTarget, authorization, body))
        {
            return;
        }

        var id = $"activity-{Interlocked.Increment(ref _ids)}";
        Record(new ConnectorRequest(http.Request.Method, rawTarget, authorization, body, id));
        if (AnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(AnswerDelay, CancellationToken.None);
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        await http.Response.WriteAsJsonAsync(new { id });
    }

    // A post or an update of an activity: what Teams counts against a thread's limits.
    private static bool SendsActivity(string method, string rawTarget) =>
        (method == HttpMethods.Post || method == HttpMethods.Put) && rawTarget.Split('?')[0].Contains("/activities", StringComparison.Ordinal);

    private void Record(ConnectorRequest request)
    {
        _requests.Enqueue(request);
        _arrived.Release();
    }

    private sealed record Throttle(DateTimeOffset Until, int RetryAfterSeconds);
}
