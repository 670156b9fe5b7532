namespace JourneyBot.Protocol.Diagnostics;

/// <summary>
/// Counts each attempt of a connector call and how it was answered. It sits inside the retry
/// handler, so that a 429 retried and then sent counts as the two requests Teams saw.
/// </summary>
internal sealed class ConnectorMetricsHandler(ProtocolMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            metrics.ConnectorAnswered(request.Method.Method, status: null, ex.GetType().FullName);
            throw;
        }

        metrics.ConnectorAnswered(request.Method.Method, (int)response.StatusCode, errorType: null);
        return response;
    }
}
