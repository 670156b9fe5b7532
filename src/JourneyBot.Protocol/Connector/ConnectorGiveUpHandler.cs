using JourneyBot.Protocol.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyBot.Protocol.Connector;

/// <summary>
/// Sits just outside the connector's retries, holds each call's <see cref="ConnectorCallBudget"/>,
/// and says when the retries gave up: the budget was spent (thrown as a <see cref="ConnectorException"/>
/// like any refusal, which callers already handle), or the last retry still had an answer worth retrying.
/// </summary>
internal sealed class ConnectorGiveUpHandler(
    IOptions<ConnectorRetryOptions> options, TimeProvider clock, ProtocolMetrics metrics, ILogger<ConnectorClient> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var budget = new ConnectorCallBudget(options.Value, clock);
        budget.AttachTo(request);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, either.Token);
        }
        catch (OperationCanceledException) when (budget.Token.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw GaveUp(request, budget);
        }

        if (ConnectorRetryRules.ShouldRetry(request.Method, response.StatusCode, exception: null))
        {
            metrics.ConnectorGaveUp(request.Method.Method, "retries_spent");
            ProtocolLog.ConnectorGaveUp(logger, request.Method.Method, "retries spent", (int)response.StatusCode, budget.Budget);
        }

        return response;
    }

    private ConnectorException GaveUp(HttpRequestMessage request, ConnectorCallBudget budget)
    {
        var throttled = budget.ThrottledAnswers > 0;
        metrics.ConnectorGaveUp(request.Method.Method, throttled ? "throttled" : "budget_spent");
        if (throttled)
        {
            ProtocolLog.ThrottledCallGaveUp(logger, request.Method.Method, budget.ThrottledAnswers, budget.Elapsed, budget.Budget);
        }
        else
        {
            ProtocolLog.ConnectorGaveUp(logger, request.Method.Method, "budget spent", status: null, budget.Budget);
        }

        var setting = throttled ? "ConnectorRetry:ThrottleBudget" : "ConnectorRetry:TotalBudget";
        return new ConnectorException(0, ConnectorException.GivenUp, operationId: null,
            $"The connector call was given up: it did not succeed within {budget.Budget} ({setting}).");
    }
}
