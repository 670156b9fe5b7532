using System.Net;

namespace JourneyBot.Protocol.Connector;

/// <summary>What the connector client retries, and how long it waits when the service says.</summary>
/// <remarks>
/// A POST creates (an activity, a conversation): once the connector may have taken it, sending it
/// again may post it twice. So a POST is retried only when the connector answered 429 or 503,
/// which it does before taking the request, or when the request never left (no connection).
/// Updates, deletes and reads are the same however often they are repeated, and are also retried
/// on the passing 412, 502 and 504 and on a connection lost mid-answer.
/// </remarks>
internal static class ConnectorRetryRules
{
    /// <summary>Whether an attempt that ended with <paramref name="status"/> or <paramref name="exception"/> is repeated.</summary>
    public static bool ShouldRetry(HttpMethod? method, HttpStatusCode? status, Exception? exception)
    {
        var creates = method is null || method == HttpMethod.Post;
        if (exception is not null)
        {
            return exception is HttpRequestException failure && (!creates || NeverSent(failure));
        }

        return (int?)status switch
        {
            429 or 503 => true,
            412 or 502 or 504 => !creates,
            _ => false,
        };
    }

    /// <summary>
    /// The wait the service asks for in Retry-After (seconds or a date), at most
    /// <paramref name="cap"/>; null when it names none, so the usual back-off applies.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        if (wait is not { } asked)
        {
            return null;
        }

        return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > cap ? cap : asked;
    }

    // Failures before the request was written: the connector cannot have seen it.
    private static bool NeverSent(HttpRequestException failure) => failure.HttpRequestError is
        HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
        or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
}
