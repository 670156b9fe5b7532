using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace JourneyBot.Protocol.Sending;

/// <summary>
/// Keeps the bot's posts and updates into each conversation within <see cref="SendPacingOptions"/>:
/// every send takes the earliest moment at which it fits every window, in the order they came,
/// and waits for it. However many members are busy in one conversation, it never gets more.
/// </summary>
/// <remarks>
/// Teams counts a send when it arrives, which is some time after it leaves: a send held up on its
/// way (a busy core, a slow network) could otherwise arrive in the same window as one that left a
/// window after it. So a send's place in the windows moves to the moment its answer came back
/// (<see cref="Arrived"/>), by which time it had surely arrived.
/// Pacing is per process: each instance paces the sends it makes, to its share of each limit
/// (<see cref="SendPacingOptions.Instances"/>), so that several instances together stay within them
/// without asking each other (shared state would cost a storage round trip per send). Should the
/// connector still throttle a send (more than 7 instances, whose shares of 7 a second cannot be
/// smaller than one, or a thread busier than its limits say), its
/// Retry-After holds the whole conversation (<see cref="Throttled"/>): retrying one send while others
/// go on would only draw more 429s. The retry handler then sends it again.
/// </remarks>
internal sealed class ConversationSendPacer(TimeProvider clock, IOptions<SendPacingOptions> options)
{
    private const int SweepEvery = 1024;
    private readonly ConcurrentDictionary<string, Schedule> _schedules = new(StringComparer.Ordinal);
    private readonly (int Limit, TimeSpan Window)[] _windows = options.Value.Windows();
    private int _sends;

    // A schedule keeps as many past sends as the largest limit counts; a conversation quiet for the
    // longest window has nothing worth keeping.
    private readonly int _kept = options.Value.Windows().Max(w => w.Limit);
    private readonly TimeSpan _longest = options.Value.Windows().Max(w => w.Window);

    /// <summary>
    /// Waits until <paramref name="request"/> may go, when it sends into a conversation; returns
    /// its place in the conversation's windows (null for requests that are not paced), for
    /// <see cref="Arrived"/>.
    /// </summary>
    public async Task<Slot?> WaitForTurnAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (ConversationOf(request) is not { } conversation)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var schedule = _schedules.GetOrAdd(conversation, _ => new Schedule());
        var slot = schedule.Reserve(now, _windows, _kept);

        // The slot may move while it waits: a 429 meanwhile holds the conversation (see Throttled).
        while (schedule.Leave(slot, now) is { } at)
        {
            if (schedule.IsHeldAt(now))
            {
                // Waiting out another send's throttle: this call may take as long as a throttled one.
                Connector.ConnectorCallBudget.Of(request)?.WaitsOnThrottle();
            }

            try
            {
                await Task.Delay(at - now, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                schedule.Withdraw(slot);
                throw;
            }

            now = clock.GetUtcNow();
        }

        if (Interlocked.Increment(ref _sends) % SweepEvery == 0)
        {
            Sweep(now);
        }

        return slot;
    }

    /// <summary>Notes that the send of <paramref name="slot"/> has been answered, so it surely arrived by now.</summary>
    public void Arrived(Slot? slot)
    {
        if (slot is not null)
        {
            slot.Schedule.Arrived(slot, clock.GetUtcNow());
        }
    }

    /// <summary>
    /// Notes that the send of <paramref name="slot"/> was throttled (429) and asked to wait
    /// <paramref name="retryAfter"/>: no send into its conversation leaves before that has passed,
    /// whichever caller makes it, and those already waiting are spaced out again from then.
    /// </summary>
    public void Throttled(Slot? slot, TimeSpan retryAfter)
    {
        if (slot is not null && retryAfter > TimeSpan.Zero)
        {
            var now = clock.GetUtcNow();
            slot.Schedule.HoldUntil(now + retryAfter, now, _windows);
        }
    }

    // Posts and updates of activities count; reads, deletes and member lists do not.
    private static string? ConversationOf(HttpRequestMessage request)
    {
        if (request.Method != HttpMethod.Post && request.Method != HttpMethod.Put || request.RequestUri is not { } uri)
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/');
        var at = Array.IndexOf(segments, "conversations");
        return at >= 0 && at + 2 < segments.Length && segments[at + 2] == "activities"
            ? string.Concat(uri.GetLeftPart(UriPartial.Authority), "/", segments[at + 1])
            : null;
    }

    // Conversations quiet for longer than the longest window hold nothing worth keeping.
    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, schedule) in _schedules)
        {
            if (schedule.IdleSince(now - _longest))
            {
                _schedules.TryRemove(key, out _);
            }
        }
    }

    /// <summary>One send's place in its conversation's windows.</summary>
    internal sealed class Slot(Schedule schedule, DateTimeOffset at)
    {
        public Schedule Schedule { get; } = schedule;

        /// <summary>When the send is to leave; once it left, when; once answered, when it surely had arrived.</summary>
        public DateTimeOffset At { get; set; } = at;

        /// <summary>Whether the send has left (a slot still waiting may be moved).</summary>
        public bool Left { get; set; }
    }

    /// <summary>The moments of one conversation's recent and coming sends, oldest first.</summary>
    internal sealed class Schedule
    {
        private readonly Lock _gate = new();
        private readonly List<Slot> _slots = [];

        // Until when the connector asked this conversation to wait (a 429's Retry-After).
        private DateTimeOffset _heldUntil;

        public Slot Reserve(DateTimeOffset now, (int Limit, TimeSpan Window)[] windows, int kept)
        {
            lock (_gate)
            {
                var slot = new Slot(this, now);
                Place(slot, now, windows);
                if (_slots.Count > kept)
                {
                    _slots.RemoveRange(0, _slots.Count - kept);
                }

                return slot;
            }
        }

        /// <summary>Marks <paramref name="slot"/> as left when its moment has come; else gives the moment to wait for.</summary>
        public DateTimeOffset? Leave(Slot slot, DateTimeOffset now)
        {
            lock (_gate)
            {
                if (slot.At > now)
                {
                    return slot.At;
                }

                slot.Left = true;
                return null;
            }
        }

        /// <summary>Forgets the slot of a send that stopped waiting: it never left.</summary>
        public void Withdraw(Slot slot)
        {
            lock (_gate)
            {
                _slots.Remove(slot);
            }
        }

        /// <summary>Whether a 429's Retry-After still holds the conversation at <paramref name="now"/>.</summary>
        public bool IsHeldAt(DateTimeOffset now)
        {
            lock (_gate)
            {
                return _heldUntil > now;
            }
        }

        /// <summary>
        /// Holds every send until <paramref name="until"/>: sends reserved since are placed from it,
        /// and those still waiting are placed again, in their order, from it and within every window.
        /// </summary>
        public void HoldUntil(DateTimeOffset until, DateTimeOffset now, (int Limit, TimeSpan Window)[] windows)
        {
            lock (_gate)
            {
                if (until <= _heldUntil)
                {
                    return;
                }

                _heldUntil = until;
                var waiting = _slots.Where(s => !s.Left).ToList();
                _slots.RemoveAll(s => !s.Left);
                foreach (var slot in waiting)
                {
                    Place(slot, now, windows);
                }
            }
        }

        // Gives the slot the earliest moment after the last one at which it fits every window, and adds it.
        private void Place(Slot slot, DateTimeOffset now, (int Limit, TimeSpan Window)[] windows)
        {
            var at = now > _heldUntil ? now : _heldUntil;
            at = _slots.Count > 0 && _slots[^1].At > at ? _slots[^1].At : at;
            foreach (var (limit, window) in windows)
            {
                // The send that is `limit` back must have left the window first.
                if (limit > 0 && _slots.Count >= limit && _slots[^limit].At + window > at)
                {
                    at = _slots[^limit].At + window;
                }
            }

            slot.At = at;
            _slots.Add(slot);
        }

        public void Arrived(Slot slot, DateTimeOffset now)
        {
            lock (_gate)
            {
                if (now > slot.At)
                {
                    slot.At = now;
                }
            }
        }

        public bool IdleSince(DateTimeOffset moment)
        {
            lock (_gate)
            {
                return (_slots.Count == 0 || _slots[^1].At < moment) && _heldUntil < moment;
            }
        }
    }
}
