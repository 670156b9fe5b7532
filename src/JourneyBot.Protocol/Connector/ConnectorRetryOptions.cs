namespace JourneyBot.Protocol.Connector;

/// <summary>How the bot retries connector calls the service asks it to repeat (section <c>ConnectorRetry</c>).</summary>
/// <remarks>
/// Teams answers 429 when a conversation gets more than about 7 sends a second, with a
/// Retry-After that is honoured up to <see cref="MaxRetryAfter"/>; 412, 502, 503 and 504 are
/// passing faults worth a few retries (a new activity only on 503, see <see cref="ConnectorRetryRules"/>).
/// However many retries are left, a call ends within <see cref="TotalBudget"/>. A throttled call
/// (429) is different: Teams throttles a busy thread for as long as it stays busy, so its retries
/// do not count against <see cref="MaxRetries"/>; it is retried after each Retry-After, keeping its
/// place in the conversation's queue, until <see cref="ThrottleBudget"/>.
/// </remarks>
public sealed class ConnectorRetryOptions
{
    /// <summary>Retries after the first attempt, for faults other than throttling (429), which <see cref="ThrottleBudget"/> bounds instead.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off when the service gives no Retry-After; it doubles, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait before a retry, whatever Retry-After asks: a connector asking for a day is waited on this long.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one call may take, attempts and waits together; past it the call is given up
    /// (logged, and thrown as a <see cref="ConnectorException"/> with <see cref="ConnectorException.GivenUp"/>).
    /// A conversation's later sends wait behind its current one, so this also bounds their delay.
    /// </summary>
    public TimeSpan TotalBudget { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// How long a call the connector throttles (429) may take, attempts and waits together, counted
    /// from its start; never less than <see cref="TotalBudget"/>. Until then it is retried after each
    /// Retry-After however often it is throttled; past it the call is given up like one past
    /// <see cref="TotalBudget"/>. The conversation's later sends wait behind it meanwhile.
    /// </summary>
    public TimeSpan ThrottleBudget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest a call may take: <see cref="ThrottleBudget"/> or <see cref="TotalBudget"/>, whichever is longer.</summary>
    internal TimeSpan LongestCall => ThrottleBudget > TotalBudget ? ThrottleBudget : TotalBudget;
}
