namespace JourneyBot.Protocol.Connector;

/// <summary>
/// One connector call's deadline: <see cref="ConnectorRetryOptions.TotalBudget"/> from its start,
/// moved out to <see cref="ConnectorRetryOptions.ThrottleBudget"/> the first time the connector
/// throttles it (429). Carried on the request, so that the retries inside can say they were throttled.
/// </summary>
/// <remarks>
/// A deadline of its own rather than a fixed timeout: a call that hangs on a passing fault must end
/// within the shorter budget, and only a throttled one, which the connector refuses at once and
/// asks to wait, may wait out a storm.
/// </remarks>
internal sealed class ConnectorCallBudget : IDisposable
{
    private static readonly HttpRequestOptionsKey<ConnectorCallBudget> Key = new("JourneyBot.ConnectorCallBudget");
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _deadline;
    private readonly Lock _gate = new();
    private readonly long _started;
    private readonly TimeSpan _throttleBudget;
    private int _throttledAnswers;

    /// <summary>Starts the call's clock.</summary>
    public ConnectorCallBudget(ConnectorRetryOptions options, TimeProvider clock)
    {
        _clock = clock;
        _started = clock.GetTimestamp();
        _throttleBudget = options.LongestCall;
        Budget = options.TotalBudget;
        _deadline = new CancellationTokenSource(options.TotalBudget, clock);
    }

    /// <summary>Cancelled when the budget is spent.</summary>
    public CancellationToken Token => _deadline.Token;

    /// <summary>The budget in force: the total budget, or the throttle budget once throttled.</summary>
    public TimeSpan Budget { get; private set; }

    /// <summary>How many attempts the connector answered 429.</summary>
    public int ThrottledAnswers => Volatile.Read(ref _throttledAnswers);

    /// <summary>How long the call has taken so far.</summary>
    public TimeSpan Elapsed => _clock.GetElapsedTime(_started);

    /// <summary>The budget of the call <paramref name="request"/> belongs to, if it has one.</summary>
    public static ConnectorCallBudget? Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var budget) ? budget : null;

    /// <summary>Puts the budget on <paramref name="request"/>, for <see cref="Of"/>.</summary>
    public void AttachTo(HttpRequestMessage request) => request.Options.Set(Key, this);

    /// <summary>Notes an attempt answered 429: the first one moves the deadline out to the throttle budget.</summary>
    public void Throttled()
    {
        Interlocked.Increment(ref _throttledAnswers);
        WaitsOnThrottle();
    }

    /// <summary>
    /// Notes that the call waits while its conversation is throttled (another send's 429 holds it,
    /// see <c>ConversationSendPacer.Throttled</c>): it gets the throttle budget as the throttled send
    /// does, so that a gathered confirmation waiting behind a long throttle is not given up first.
    /// </summary>
    public void WaitsOnThrottle()
    {
        lock (_gate)
        {
            if (_throttleBudget <= Budget)
            {
                return;
            }

            Budget = _throttleBudget;
            var left = _throttleBudget - Elapsed;
            _deadline.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _deadline.Dispose();
}
