using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace JourneyBot.Protocol.Connector;

/// <summary>
/// Sits just outside the connector's retries and says when they gave up: the budget was spent
/// (thrown as a <see cref="ConnectorException"/> like any refusal, which callers already handle),
/// or the last retry still had an answer worth retrying.
/// </summary>
internal sealed class ConnectorGiveUpHandler(IOptions<ConnectorRetryOptions> options, ILogger<ConnectorClient> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            ProtocolLog.ConnectorGaveUp(logger, request.Method.Method, "budget spent", status: null, options.Value.TotalBudget);
            throw new ConnectorException(0, ConnectorException.GivenUp, operationId: null,
                $"The connector call was given up: it did not succeed within {options.Value.TotalBudget} (ConnectorRetry:TotalBudget).");
        }

        if (ConnectorRetryRules.ShouldRetry(request.Method, response.StatusCode, exception: null))
        {
            ProtocolLog.ConnectorGaveUp(logger, request.Method.Method, "retries spent", (int)response.StatusCode, options.Value.TotalBudget);
        }

        return response;
    }
}
