using Microsoft.Extensions.Logging;

namespace JourneyBot.Protocol.Connector;

/// <summary>
/// The connector client's outermost handler: a call to a host the <see cref="ServiceUrlPolicy"/>
/// does not allow fails here, before a token is asked for, retried or sent. This holds for every
/// send, those to service URLs stored long ago (1:1 chats, rounds) as much as a turn's answers.
/// </summary>
internal sealed class ServiceUrlGuardHandler(ServiceUrlPolicy policy, ILogger<ConnectorClient> logger) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && policy.IsAllowed(uri))
        {
            return base.SendAsync(request, cancellationToken);
        }

        ProtocolLog.ServiceUrlRefused(logger, request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.IdnHost : null);
        throw new ConnectorException(0, ConnectorException.ServiceUrlNotAllowed, operationId: null,
            "The bot does not send to this service URL: its host is not on Connector:AllowedServiceHosts (or is not https).");
    }
}
