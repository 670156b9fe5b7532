using System.Net;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Diagnostics;

namespace JourneyBot.Protocol.Sending;

/// <summary>
/// The connector client's innermost handler: asks the shared <see cref="ConversationSendPacer"/>
/// for the moment each request may go, counts how long requests waited for it, and tells it when
/// the connector throttled one (429 with Retry-After), so that the conversation waits as asked.
/// </summary>
/// <remarks>
/// The pacer cannot itself sit in each client's handler chain (a handler has one inner handler),
/// and it must be one for all clients, as the limits are per conversation, not per client.
/// </remarks>
/// <param name="pacer">The process's one pacer.</param>
/// <param name="metrics">The protocol's instruments.</param>
/// <param name="maxRetryAfter">The longest Retry-After honoured (<see cref="ConnectorRetryOptions.MaxRetryAfter"/>).</param>
/// <param name="clock">The host's clock, for a Retry-After given as a date.</param>
internal sealed class PacingHandler(ConversationSendPacer pacer, ProtocolMetrics metrics, TimeSpan maxRetryAfter, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var waitStarted = TimeProvider.System.GetTimestamp();
        var slot = await pacer.WaitForTurnAsync(request, cancellationToken);
        if (slot is not null)
        {
            metrics.SendPaced(TimeProvider.System.GetElapsedTime(waitStarted));
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests
                && ConnectorRetryRules.RetryAfter(response, maxRetryAfter, clock.GetUtcNow()) is { } wait)
            {
                pacer.Throttled(slot, wait);
            }

            return response;
        }
        finally
        {
            pacer.Arrived(slot);
        }
    }
}
