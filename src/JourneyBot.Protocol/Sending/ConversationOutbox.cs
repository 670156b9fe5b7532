using JourneyBot.Protocol.Diagnostics;
using JourneyBot.Protocol.Hosting;
using JourneyBot.Protocol.Turns;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyBot.Protocol.Sending;

/// <summary>
/// Runs what turns send after they have been answered: one piece of work after another in each
/// conversation, in the order the turns handed them over, while other conversations go on.
/// </summary>
/// <remarks>
/// Teams waits at most 15 seconds for the HTTP answer, and a send into a busy thread may have to
/// wait for its moment (Teams allows about 7 a second per thread). Holding the request for that
/// would make every member's turn as slow as the busiest thread; answering first keeps the answer
/// quick and the replies in order. A conversation holds at most
/// <see cref="BotHostOptions.MaxQueuedPerConversation"/> turns' work; beyond that a turn waits for
/// room before it is answered, so a flood slows its own senders instead of filling memory.
/// Sends that wait on purpose (gathered confirmations, coalesced card updates) are timed here too
/// (<see cref="SendLater"/>), so that the host knows of all of them: on shutdown it sends the timed
/// ones at once and waits for them and for what is queued, within <see cref="BotHostOptions.ShutdownGrace"/>.
/// </remarks>
public sealed class ConversationOutbox(
    IOptions<BotHostOptions> options, TimeProvider clock, ILogger<ConversationOutbox> logger, ProtocolMetrics? metrics = null)
    : IHostedService, IDisposable
{
    private static readonly TimeSpan WindDown = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue> _queues = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _later = [];
    private readonly CancellationTokenSource _hurry = new();
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _disposed;

    /// <summary>
    /// Queues <paramref name="work"/> for <paramref name="turn"/>, to run once the conversation's
    /// earlier work is done; completes when it is queued, at once unless the conversation's queue
    /// is full. Should the work fail, the failure is logged and, for a message, the member is told.
    /// </summary>
    public Task EnqueueAsync(TurnContext turn, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(work);
        return EnqueueAsync(turn.ConversationKey, () => RunTurnWorkAsync(turn, work), cancellationToken);
    }

    /// <summary>
    /// Queues <paramref name="work"/> for a conversation outside any turn (a reminder, a question
    /// to a member's 1:1 chat, a summary into a thread), in order with that conversation's other
    /// work, turns' included, as <see cref="ConversationReference.Key"/> names it: the same
    /// conversation under the same service URL shares one queue. Completes when it is queued.
    /// Should the work fail, the failure is logged; there is no member's turn to answer, so no one
    /// is told (work that must know catches its own failures).
    /// </summary>
    /// <param name="conversation">Where the work sends (see <see cref="ConversationSender"/>).</param>
    /// <param name="work">The sends; the token is the host's.</param>
    /// <param name="cancellationToken">Cancels waiting for room in the queue.</param>
    public Task EnqueueAsync(
        IConversationSender conversation, Func<IConversationSender, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(work);
        return EnqueueAsync(conversation.Conversation.Key, () => RunProactiveWorkAsync(conversation, work), cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="sends"/> for <paramref name="turn"/>'s conversation once
    /// <paramref name="delay"/> has passed on the host's clock; when the host stops first, at once
    /// rather than never. A failure is logged; no one is told, as the member's own turn was answered
    /// long before.
    /// </summary>
    /// <remarks>
    /// Timed sends run beside the conversation's queue, not in it: what they wait for (a bounded
    /// storage read for a coalesced card) must not hold up the conversation's replies.
    /// </remarks>
    public void SendLater(TurnContext turn, TimeSpan delay, Func<IConversationSender, CancellationToken, Task> sends)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(sends);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _later.Add(done.Task);
        }

        _ = RunLaterAsync(turn, delay, sends, done);
    }

    /// <summary>
    /// Completes when no work is queued or running (work queued meanwhile is waited for too).
    /// Timed sends (<see cref="SendLater"/>) are not waited for: they may wait on a clock a test holds still.
    /// </summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken) => WhenDoneAsync(withTimed: false, cancellationToken);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Sends what is timed at once, waits for it and for queued work for at most
    /// <see cref="BotHostOptions.ShutdownGrace"/> (or until the host's shutdown timeout, if sooner),
    /// then cancels what is left, logs how much that was, and waits briefly for it to wind down.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return; // WebApplicationFactory may stop a host again after disposing its services
        }

        // The grace counts from the stop signal, before anything here yields.
        var grace = options.Value.ShutdownGrace;
        using var graceOver = new CancellationTokenSource(grace, clock);
        await _hurry.CancelAsync().ConfigureAwait(false);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, graceOver.Token);
        try
        {
            await WhenDoneAsync(withTimed: true, either.Token).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException)
        {
            ProtocolLog.SendsGivenUpAtShutdown(logger, CountPending(), grace);
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        // Sends honour their token, so this is quick; it lets the given-up work finish before the
        // host disposes what it uses. Bounded, should some work not listen.
        using var windDown = new CancellationTokenSource(WindDown, clock);
        try
        {
            await WhenDoneAsync(withTimed: true, windDown.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Left to the process's end.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _hurry.Dispose();
        _stopping.Dispose();
    }

    // Pieces of work queued, running or waiting for room, and timed sends not yet done.
    private int CountPending()
    {
        lock (_gate)
        {
            return _queues.Values.Sum(q => q.Pending) + _later.Count;
        }
    }

    private async Task WhenDoneAsync(bool withTimed, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task[] pending;
            lock (_gate)
            {
                pending = [.. _queues.Values.Select(q => q.Tail), .. withTimed ? _later : []];
            }

            if (pending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunLaterAsync(
        TurnContext turn, TimeSpan delay, Func<IConversationSender, CancellationToken, Task> sends, TaskCompletionSource done)
    {
        try
        {
            // Always yields, so the sends never run on the caller's thread; ends early, without throwing, when the host stops.
            await Task.Delay(delay, clock, _hurry.Token)
                .ConfigureAwait(ConfigureAwaitOptions.ForceYielding | ConfigureAwaitOptions.SuppressThrowing);
            using var observed = ObservedTurn.DeferredSend(turn, logger);
            try
            {
                await sends(turn, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
            {
                observed.Failed(ex);
                ProtocolLog.SendsAfterAnswerFailed(logger, ex, turn.Activity.Type, turn.Activity.Id);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The host's shutdown time is up: what is left is dropped.
        }
        finally
        {
            lock (_gate)
            {
                _later.Remove(done.Task);
            }

            done.SetResult();
        }
    }

    private async Task EnqueueAsync(string key, Func<Task> run, CancellationToken cancellationToken)
    {
        Queue queue;
        lock (_gate)
        {
            if (!_queues.TryGetValue(key, out queue!))
            {
                _queues[key] = queue = new Queue(options.Value.MaxQueuedPerConversation);
            }

            queue.Pending++; // counts waiters too, so the queue stays while anyone waits for room
        }

        try
        {
            await queue.Room.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Leave(key, queue);
            throw;
        }

        metrics?.OutboxChanged(+1);
        lock (_gate)
        {
            queue.Tail = RunAfterAsync(queue.Tail, key, queue, run);
        }
    }

    // `run` never throws: each kind of work logs its own failures.
    private async Task RunAfterAsync(Task previous, string key, Queue queue, Func<Task> run)
    {
        // Always yields, so that the work never runs under the lock of Enqueue. This task never faults.
        await previous.ConfigureAwait(ConfigureAwaitOptions.ForceYielding | ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await run().ConfigureAwait(false);
        }
        finally
        {
            metrics?.OutboxChanged(-1);
            queue.Room.Release();
            Leave(key, queue);
        }
    }

    private async Task RunTurnWorkAsync(TurnContext turn, Func<CancellationToken, Task> work)
    {
        using var observed = ObservedTurn.DeferredSend(turn, logger);
        try
        {
            await work(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The host is stopping and its shutdown time is up: what is left is dropped, not apologised for.
        }
        catch (Exception ex)
        {
            observed.Failed(ex);
            ProtocolLog.SendsAfterAnswerFailed(logger, ex, turn.Activity.Type, turn.Activity.Id);
            await Apology.TellAsync(turn, options.Value.Apology(), logger, _stopping.Token).ConfigureAwait(false);
        }
    }

    private async Task RunProactiveWorkAsync(IConversationSender conversation, Func<IConversationSender, CancellationToken, Task> work)
    {
        // The work is not part of whatever request queued it.
        System.Diagnostics.Activity.Current = null;
        try
        {
            await work(conversation, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The host is stopping and its shutdown time is up: what is left is dropped.
        }
        catch (Exception ex)
        {
            ProtocolLog.ProactiveSendsFailed(logger, ex, ConversationHash.Of(conversation.Conversation.Key));
        }
    }

    private void Leave(string key, Queue queue)
    {
        lock (_gate)
        {
            if (--queue.Pending == 0)
            {
                _queues.Remove(key);
                queue.Room.Dispose();
            }
        }
    }

    /// <summary>One conversation's work: the last piece queued, and how many are queued or waiting for room.</summary>
    private sealed class Queue(int capacity)
    {
        public SemaphoreSlim Room { get; } = new(capacity, capacity);

        public Task Tail { get; set; } = Task.CompletedTask;

        public int Pending { get; set; }
    }
}
