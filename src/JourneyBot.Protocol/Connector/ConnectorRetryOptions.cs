namespace JourneyBot.Protocol.Connector;

/// <summary>How the bot retries connector calls the service asks it to repeat (section <c>ConnectorRetry</c>).</summary>
/// <remarks>
/// Teams answers 429 when a conversation gets more than about 7 sends a second, with a
/// Retry-After that is honoured; 412, 502, 503 and 504 are passing faults worth a few retries.
/// </remarks>
public sealed class ConnectorRetryOptions
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off when the service gives no Retry-After; it doubles, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
}
