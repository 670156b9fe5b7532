using System.Net;

namespace JourneyBot.Web.Trackers;

/// <summary>Which failed Planner calls are worth one more try within the turn.</summary>
internal static class PlannerRetries
{
    /// <summary>
    /// A throttled call (429) whose Retry-After is at most <paramref name="longest"/> (Graph did
    /// nothing: any method); a passing fault (503, 504, no connection) of a read only, since a
    /// create that timed out may have created the task.
    /// </summary>
    public static bool ShouldRetry(HttpResponseMessage? response, Exception? exception, HttpMethod? method, TimeSpan longest)
    {
        if (response?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return RetryAfter(response) <= longest;
        }

        var read = method == HttpMethod.Get;
        return read && (exception is HttpRequestException || response?.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout);
    }

    // What Graph asks to wait; none said: at once (after the handler's short delay).
    private static TimeSpan RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => TimeSpan.Zero,
    };
}
