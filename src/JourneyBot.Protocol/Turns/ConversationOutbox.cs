using System.Diagnostics;
using JourneyBot.Protocol.Diagnostics;
using JourneyBot.Protocol.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyBot.Protocol.Turns;

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
/// room before it is answered, so a flood slows its own senders instead of filling memory. On
/// shutdown the host waits for what is queued, within its shutdown timeout.
/// </remarks>
public sealed class ConversationOutbox(IOptions<BotHostOptions> options, ILogger<ConversationOutbox> logger, ProtocolMetrics? metrics = null)
    : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue> _queues = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>
    /// Queues <paramref name="work"/> for <paramref name="turn"/>, to run once the conversation's
    /// earlier work is done; completes when it is queued, at once unless the conversation's queue
    /// is full. Should the work fail, the failure is logged and, for a message, the member is told.
    /// </summary>
    public async Task EnqueueAsync(TurnContext turn, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(work);
        var key = turn.ConversationKey;
        var turnSpan = Activity.Current?.Context ?? default; // the work's span links to it when it runs
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
            queue.Tail = RunAfterAsync(queue.Tail, key, queue, turn, turnSpan, work);
        }
    }

    /// <summary>Completes when no work is queued or running (work queued meanwhile is waited for too).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task[] tails;
            lock (_gate)
            {
                tails = [.. _queues.Values.Select(q => q.Tail)];
            }

            if (tails.Length == 0)
            {
                return;
            }

            await Task.WhenAll(tails).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Waits for queued work until the host's shutdown timeout, then cancels what is left.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenIdleAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    private async Task RunAfterAsync(
        Task previous, string key, Queue queue, TurnContext turn, ActivityContext turnSpan, Func<CancellationToken, Task> work)
    {
        // Always yields, so that the work never runs under the lock of Enqueue. This task never faults.
        await previous.ConfigureAwait(ConfigureAwaitOptions.ForceYielding | ConfigureAwaitOptions.SuppressThrowing);
        using var observed = ObservedTurn.DeferredSend(turn, turnSpan, logger);
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
            await Apology.TellAsync(turn, logger, _stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            metrics?.OutboxChanged(-1);
            queue.Room.Release();
            Leave(key, queue);
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
