using System.Collections.Frozen;
using JourneyBot.Conversation.Scheduling;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Scheduling;

/// <summary>
/// Works through the durable schedule on every instance: polls it, claims what is due, and hands
/// each piece of work to the <see cref="IDueWorkHandler"/> of its kind.
/// </summary>
/// <remarks>
/// <para>Work done is removed; work that fails is released for a retry with a doubling delay,
/// and given up (an error, with its id and kind) after <see cref="ScheduleOptions.MaxAttempts"/>.
/// Work of a kind no handler does is removed with a warning.</para>
/// <para>At least once, at most once more: an instance that stops after doing work and before
/// removing it leaves its claim to run out; the instance that takes it over logs that it may do it
/// a second time. That instance removes it once done, so there is no third time, unless it stops
/// too; and a claim counts as an attempt, so work that stops every instance it meets is given up.</para>
/// <para>Time is the host's <see cref="TimeProvider"/>, so that tests move it.</para>
/// </remarks>
internal sealed class DueWorkRunner : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    // A poll claims again while work is due; bounded so that a flood still yields to the next poll.
    private const int MaxClaimsPerPoll = 100;

    private readonly IDueWorkStore _store;
    private readonly FrozenDictionary<string, IDueWorkHandler> _handlers;
    private readonly ScheduleOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DueWorkRunner> _logger;
    private readonly ScheduleMetrics _metrics;
    private readonly string _kinds;
    private readonly Conversation.Languages.TeamLanguages _languages;

    public DueWorkRunner(IDueWorkStore store, IEnumerable<IDueWorkHandler> handlers, IOptions<ScheduleOptions> options,
        TimeProvider time, ILogger<DueWorkRunner> logger, ScheduleMetrics metrics, Conversation.Languages.TeamLanguages? languages = null)
    {
        _languages = languages ?? new Conversation.Languages.TeamLanguages(null, time);
        (_store, _options, _time, _logger, _metrics) = (store, options.Value, time, logger, metrics);
        var byKind = new Dictionary<string, IDueWorkHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!byKind.TryAdd(handler.Kind, handler))
            {
                throw new InvalidOperationException($"Two handlers are registered for due work of kind '{handler.Kind}': register one per kind.");
            }
        }

        _handlers = byKind.ToFrozenDictionary(StringComparer.Ordinal);
        _kinds = string.Join(", ", byKind.Keys.Order(StringComparer.Ordinal));
        // Unique per process, readable in the table: which machine holds a claim.
        Owner = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>This instance's name on the claims it holds.</summary>
    public string Owner { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_handlers.Count == 0 || !_options.Enabled)
        {
            // Nothing could do the work: polling would only cost storage requests.
            WebLog.LogScheduleIdle(_logger);
            return;
        }

        WebLog.LogSchedulePolled(_logger, _options.PollInterval, Owner, _kinds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                WebLog.LogSchedulePollFailed(_logger, ex);
            }

            // The wait starts before the poll is counted, so that a test that sees the count and
            // then moves the clock moves this wait.
            var wait = Task.Delay(_options.PollInterval, _time, stoppingToken);
            _metrics.Polled();
            try
            {
                await wait;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Claims and does batches of due work until none is left.
    private async Task PollAsync(CancellationToken stoppingToken)
    {
        for (var claimed = 0; claimed < MaxClaimsPerPoll * _options.MaxPerPoll;)
        {
            var batch = await _store.ClaimDueAsync(_time.GetUtcNow(), Owner, _options.Lease, _options.MaxPerPoll, stoppingToken);
            if (batch.Count == 0)
            {
                return;
            }

            claimed += batch.Count;
            await Task.WhenAll(batch.Select(claim => DoAsync(claim, stoppingToken)));
        }
    }

    // Never throws: every outcome is recorded in the store, or left to the lease, and logged.
    private async Task DoAsync(ClaimedWork claim, CancellationToken stoppingToken)
    {
        var work = claim.Work;
        if (claim.EarlierClaimLapsed)
        {
            WebLog.LogDueWorkMayRepeat(_logger, work.Id, work.Kind, claim.Attempt);
            _metrics.Repeated(work.Kind);
        }

        if (!_handlers.TryGetValue(work.Kind, out var handler))
        {
            WebLog.LogDueWorkUnknownKind(_logger, work.Id, work.Kind);
            await RecordAsync(claim, "unknown_kind", () => _store.CompleteAsync(claim, CancellationToken.None));
            return;
        }

        // Claimed again and again without an outcome: it stops whichever instance does it.
        if (claim.Attempt > _options.MaxAttempts)
        {
            WebLog.LogDueWorkGivenUp(_logger, null, work.Id, work.Kind, claim.Attempt - 1);
            await RecordAsync(claim, "given_up", () => _store.CompleteAsync(claim, CancellationToken.None));
            return;
        }

        WebLog.LogDueWorkStarting(_logger, work.Id, work.Kind, claim.Attempt, work.Payload);
        try
        {
            // The handler stops when the host does or when the claim runs out, whichever comes first.
            using var leaseEnd = new CancellationTokenSource(Max(claim.LeaseUntil - _time.GetUtcNow(), TimeSpan.Zero), _time);
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, leaseEnd.Token);

            // Reminders, deadlines and digests are read by the team: in its language.
            using var language = JourneyBot.Conversation.Languages.LanguageScope.Enter(await _languages.LanguageOfAsync(DueWorkTeams.Of(work), cancel.Token));
            await handler.HandleAsync(work, cancel.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Whether the work was done is unknown: the claim is left to run out, and the instance
            // that takes it over says the work may be done twice.
            WebLog.LogDueWorkInterrupted(_logger, work.Id, work.Kind);
            _metrics.Attempted(work.Kind, "interrupted");
            return;
        }
        catch (Exception ex)
        {
            await FailAsync(claim, ex);
            return;
        }

        await RecordAsync(claim, "done", () => _store.CompleteAsync(claim, CancellationToken.None));
    }

    private async Task FailAsync(ClaimedWork claim, Exception exception)
    {
        var work = claim.Work;
        if (claim.Attempt >= _options.MaxAttempts)
        {
            WebLog.LogDueWorkGivenUp(_logger, exception, work.Id, work.Kind, claim.Attempt);
            await RecordAsync(claim, "given_up", () => _store.CompleteAsync(claim, CancellationToken.None));
            return;
        }

        var retryAt = _time.GetUtcNow() + RetryDelay(claim.Attempt);
        WebLog.LogDueWorkRetried(_logger, exception, work.Id, work.Kind, claim.Attempt, retryAt);
        await RecordAsync(claim, "retried", () => _store.ReleaseAsync(claim, retryAt, CancellationToken.None));
    }

    // The outcome is written even while the host stops (the work is done or failed by then): one
    // storage request, bounded by the storage timeout, rather than a repeat after the lease.
    private async Task RecordAsync(ClaimedWork claim, string outcome, Func<Task<bool>> write)
    {
        _metrics.Attempted(claim.Work.Kind, outcome);
        try
        {
            if (!await write() && outcome == "done")
            {
                WebLog.LogDueWorkClaimLost(_logger, claim.Work.Id, claim.Work.Kind);
            }
        }
        catch (Exception ex)
        {
            WebLog.LogDueWorkNotRecorded(_logger, ex, claim.Work.Id, claim.Work.Kind);
        }
    }

    private TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromTicks((long)Math.Min(_options.RetryDelay.Ticks * Math.Pow(2, attempt - 1), MaxRetryDelay.Ticks));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
