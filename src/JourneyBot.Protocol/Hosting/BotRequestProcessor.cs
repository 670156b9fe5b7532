using System.Buffers;
using System.Text.Json;
using JourneyBot.Protocol.Authentication;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Diagnostics;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Sending;
using JourneyBot.Protocol.Turns;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyBot.Protocol.Hosting;

/// <summary>
/// Turns one authenticated POST into one turn: reads and checks the activity, runs the handler,
/// and writes the HTTP answer (200, or the invoke's status and body).
/// </summary>
/// <remarks>
/// The processor lives as long as the host, so it holds no <see cref="ConnectorClient"/>: each
/// turn resolves its own from the request's services, whose HttpClient comes from the factory's
/// pool and so follows its handler recycling (DNS changes, stale connections).
/// </remarks>
internal sealed class BotRequestProcessor(
    ITurnHandler handler,
    ConversationOutbox outbox,
    ServedChannels servedChannels,
    ServiceUrlPolicy serviceUrls,
    ProtocolMetrics metrics,
    IOptions<BotHostOptions> options,
    ILogger<BotRequestProcessor> logger)
{
    public async Task ProcessAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var body = await ReadBodyAsync(http.Request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (body is null)
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, "The request body is larger than this bot accepts.");
            return;
        }

        // Before the strict parse: a token for another connector is 401 even when the body is malformed.
        if (ActivityTokenCheck.FindServiceUrlViolation(http.User, LenientServiceUrl.Read(body)) is { } wrongConnector)
        {
            ProtocolLog.ActivityUnauthorized(logger, null, wrongConnector);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var activity = Parse(body, out var problem);
        if (activity is null)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, problem!);
            return;
        }

        if (ActivityTokenCheck.FindViolation(http.User, activity) is { } violation)
        {
            ProtocolLog.ActivityUnauthorized(logger, activity.Id, violation);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // A valid token from a channel or tenant the bot does not serve: refused, not retried (4xx).
        if (!servedChannels.Serves(activity))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        // Checked after the token, which binds the serviceUrl: a genuine activity may still name a host the bot does not send to.
        if (!serviceUrls.IsAllowed(activity.ServiceUrl))
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, "The activity's serviceUrl is not a connector this bot sends to (Connector:AllowedServiceHosts).");
            return;
        }

        var turn = new TurnContext(activity, http.RequestServices.GetRequiredService<ConnectorClient>(), outbox);
        using var observed = ObservedTurn.Turn(turn, logger, metrics);
        ProtocolLog.TurnStarted(logger, activity.Type, activity.Id, activity.ChannelId);
        using var deadline = TurnDeadline.Start(options.Value.TurnTimeout, cancellationToken);
        try
        {
            await handler.OnTurnAsync(turn, deadline.Token);
        }
        catch (Exception ex) when (deadline.Passed)
        {
            observed.Failed(ex);
            deadline.Tell(http, turn, options.Value.Apology(turn.Activity), logger);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            observed.Failed(ex);
            ProtocolLog.TurnFailed(logger, ex, activity.Type, activity.Id);
            Apology.TellAfterAnswer(turn, options.Value.Apology(turn.Activity), logger);
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        await WriteAnswerAsync(http, turn);
    }

    private async Task WriteAnswerAsync(HttpContext http, TurnContext turn)
    {
        if (turn.Activity.Type != ActivityTypes.Invoke)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (turn.InvokeResponse is not { } invoke)
        {
            ProtocolLog.InvokeNotHandled(logger, turn.Activity.Name);
            http.Response.StatusCode = StatusCodes.Status501NotImplemented;
            return;
        }

        // The invoke's status is the HTTP status and its body is the HTTP body.
        http.Response.StatusCode = invoke.Status;
        if (invoke.Body is { } json)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await using var writer = new Utf8JsonWriter(http.Response.BodyWriter);
            json.WriteTo(writer);
        }
    }

    private async Task RefuseAsync(HttpContext http, int status, string reason)
    {
        ProtocolLog.RequestRefused(logger, status, reason);
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(reason, http.RequestAborted);
    }

    private static Activity? Parse(byte[] body, out string? problem)
    {
        problem = ActivityLimits.FindUndecodableText(body);
        if (problem is not null)
        {
            return null;
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, ProtocolJson.Default.Activity);
        }
        catch (JsonException)
        {
            problem = "The request body is not a JSON activity.";
            return null;
        }

        if (string.IsNullOrEmpty(activity?.Type))
        {
            problem = "The activity has no type.";
            return null;
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            problem = "The activity has no valid serviceUrl to answer to.";
            return null;
        }

        if (string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            problem = "The activity has no conversation id.";
            return null;
        }

        if (ActivityLimits.FindUnusableId(activity) is { } unusable)
        {
            problem = unusable;
            return null;
        }

        problem = null;
        return activity;
    }

    // Reads at most maxBytes; null when the body is larger. Content-Length is checked first so an
    // honest large request is refused without reading it.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            if (result.Buffer.Length > maxBytes)
            {
                reader.AdvanceTo(result.Buffer.Start);
                return null;
            }

            if (result.IsCompleted)
            {
                var copy = result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return copy;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }
}
