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
/// quick and the replies in order. A turn never waits for room in the queue either: when a
/// conversation already has <see cref="BotHostOptions.MaxQueuedPerConversation"/> pieces of work
/// waiting (a thread flooded beyond Teams' pace, or a connector that answers slowly), a turn whose
/// sends can be folded runs its shed alternative instead (its confirmation gathered with others,
/// its card update coalesced), counted and logged; a turn whose sends must go out (an answer to a
/// command, an apology, a new card) is queued beyond the bound, up to <see cref="HardCapFactor"/>
/// times it for memory's sake, and only beyond that dropped, with a warning. Work outside any turn
/// (reminders, questions, card updates of no turn) still waits for room below the bound: it holds
/// no member's answer, and so a flood slows it rather than filling memory.
/// Sends that wait on purpose (gathered confirmations, coalesced card updates) are timed here too
/// (<see cref="SendLater"/>), so that the host knows of all of them: on shutdown it sends the timed
/// ones at once and waits for them and for what is queued, within <see cref="BotHostOptions.ShutdownGrace"/>.
/// </remarks>
public sealed class ConversationOutbox(
    IOptions<BotHostOptions> options, TimeProvider clock, ILogger<ConversationOutbox> logger, ProtocolMetrics? metrics = null)
    : IHostedService, IDisposable
{
    /// <summary>How long given-up work may take to wind down after the grace (see <see cref="Hosting.ShutdownGraceValidator"/>).</summary>
    internal static readonly TimeSpan WindDown = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue> _queues = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _later = [];
    private readonly CancellationTokenSource _hurry = new();
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _disposed;

    /// <summary>How many times <see cref="BotHostOptions.MaxQueuedPerConversation"/> a conversation may hold of work that cannot be shed.</summary>
    public const int HardCapFactor = 4;

    /// <summary>
    /// Queues <paramref name="work"/> for <paramref name="turn"/>, to run once the conversation's
    /// earlier work is done, and returns at once: a turn never waits for room. Should the work
    /// fail, the failure is logged and, for a message, the member is told.
    /// </summary>
    /// <param name="turn">The turn whose sends these are.</param>
    /// <param name="work">The sends; the token is the host's.</param>
    /// <param name="shed">
    /// What to do instead when the conversation already has <see cref="BotHostOptions.MaxQueuedPerConversation"/>
    /// pieces of work waiting: quick, run on the caller's thread, and sending nothing itself (it may
    /// gather, coalesce and time sends, see <see cref="SendLater"/>). Null: the work must go out, and is
    /// queued beyond the bound, up to <see cref="HardCapFactor"/> times it; beyond that it is dropped.
    /// </param>
    /// <returns>Whether the work was queued; false when it was shed or dropped.</returns>
    public bool Enqueue(TurnContext turn, Func<CancellationToken, Task> work, Action? shed = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(work);
        var key = turn.ConversationKey;
        var bound = options.Value.MaxQueuedPerConversation;
        bool startsEpisode;
        lock (_gate)
        {
            var queue = QueueOf(key);
            if (queue.Queued < bound || (shed is null && queue.Queued < bound * HardCapFactor))
            {
                Append(key, queue, () => RunTurnWorkAsync(turn, work));
                return true;
            }

            startsEpisode = queue.Shed + queue.Dropped == 0;
            if (shed is null)
            {
                queue.Dropped++;
            }
            else
            {
                queue.Shed++;
            }
        }

        var hash = ConversationHash.Of(key);
        if (startsEpisode)
        {
            ProtocolLog.OutboxShedding(logger, hash, bound);
        }

        if (shed is null)
        {
            metrics?.TurnSendsDropped();
            ProtocolLog.OutboxDropped(logger, turn.Activity.Type, turn.Activity.Id, hash, bound * HardCapFactor);
            return false;
        }

        metrics?.TurnSendsShed();
        shed();
        return false;
    }

    /// <summary>
    /// Queues <paramref name="work"/> for a conversation outside any turn (a reminder, a question
    /// to a member's 1:1 chat, a summary into a thread), in order with that conversation's other
    /// work, turns' included, as <see cref="ConversationReference.Key"/> names it: the same
    /// conversation under the same service URL shares one queue. Completes when it is queued, which
    /// waits while the conversation has <see cref="BotHostOptions.MaxQueuedPerConversation"/> pieces
    /// of work or more (this work holds no member's answer). Should the work fail, the failure is logged; there is no member's turn to answer, so no one
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
        return EnqueueWhenRoomAsync(conversation.Conversation.Key, () => RunProactiveWorkAsync(conversation, work), cancellationToken);
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
        try
        {
            await _hurry.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return; // disposed between the check above and here, by a host stopped and disposed at once
        }

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

    private async Task EnqueueWhenRoomAsync(string key, Func<Task> run, CancellationToken cancellationToken)
    {
        while (true)
        {
            Queue queue;
            Task room;
            lock (_gate)
            {
                queue = QueueOf(key);
                if (queue.Queued < options.Value.MaxQueuedPerConversation)
                {
                    Append(key, queue, run);
                    return;
                }

                queue.Pending++; // counts waiters too, so the queue stays while anyone waits for room
                room = (queue.RoomFreed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            try
            {
                await room.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Leave(key, queue);
            }
        }
    }

    // Under _gate.
    private Queue QueueOf(string key)
    {
        if (!_queues.TryGetValue(key, out var queue))
        {
            _queues[key] = queue = new Queue();
        }

        return queue;
    }

    // Under _gate. RunAfterAsync yields before the work runs, so the work never runs under the lock.
    private void Append(string key, Queue queue, Func<Task> run)
    {
        queue.Pending++;
        queue.Queued++;
        metrics?.OutboxChanged(+1);
        queue.Tail = RunAfterAsync(queue.Tail, key, queue, run);
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
            Done(key, queue);
        }
    }

    // One piece of work is done: room for waiting work, and the end of a shedding episode once the queue is below its bound again.
    private void Done(string key, Queue queue)
    {
        var bound = options.Value.MaxQueuedPerConversation;
        (int Shed, int Dropped) episode = default;
        lock (_gate)
        {
            if (--queue.Queued < bound)
            {
                episode = (queue.Shed, queue.Dropped);
                (queue.Shed, queue.Dropped) = (0, 0);
                queue.RoomFreed?.TrySetResult();
                queue.RoomFreed = null;
            }
        }

        if (episode.Shed + episode.Dropped > 0)
        {
            var hash = ConversationHash.Of(key);
            ProtocolLog.OutboxDrained(logger, hash, episode.Shed, episode.Dropped);
        }

        Leave(key, queue);
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
            await Apology.TellAsync(turn, options.Value.Apology(turn.Activity), logger, _stopping.Token).ConfigureAwait(false);
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
            }
        }
    }

    /// <summary>
    /// One conversation's work: the last piece queued; how many are queued or running, and with
    /// those waiting for room; what was shed or dropped since the queue last reached its bound; and
    /// the signal waiters for room wait on.
    /// </summary>
    private sealed class Queue
    {
        public Task Tail { get; set; } = Task.CompletedTask;

        public int Pending { get; set; }

        public int Queued { get; set; }

        public int Shed { get; set; }

        public int Dropped { get; set; }

        public TaskCompletionSource? RoomFreed { get; set; }
    }
}
