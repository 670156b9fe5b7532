using JourneyBot.Protocol.Diagnostics;

namespace JourneyBot.Protocol.Sending;

/// <summary>
/// The connector client's innermost handler: asks the shared <see cref="ConversationSendPacer"/>
/// for the moment each request may go, and counts how long requests waited for it.
/// </summary>
/// <remarks>
/// The pacer cannot itself sit in each client's handler chain (a handler has one inner handler),
/// and it must be one for all clients, as the limits are per conversation, not per client.
/// </remarks>
internal sealed class PacingHandler(ConversationSendPacer pacer, ProtocolMetrics metrics) : DelegatingHandler
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
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            pacer.Arrived(slot);
        }
    }
}
