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
/// Pacing is per process: each instance paces the sends it makes. The retry handler still answers
/// a 429 should several instances together exceed the limits.
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
        if (slot.At > now)
        {
            await Task.Delay(slot.At - now, clock, cancellationToken).ConfigureAwait(false);
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

        /// <summary>When the send left, and once answered, when it surely had arrived.</summary>
        public DateTimeOffset At { get; set; } = at;
    }

    /// <summary>The moments of one conversation's recent and coming sends, oldest first.</summary>
    internal sealed class Schedule
    {
        private readonly Lock _gate = new();
        private readonly List<Slot> _slots = [];

        public Slot Reserve(DateTimeOffset now, (int Limit, TimeSpan Window)[] windows, int kept)
        {
            lock (_gate)
            {
                var at = _slots.Count > 0 && _slots[^1].At > now ? _slots[^1].At : now;
                foreach (var (limit, window) in windows)
                {
                    // The send that is `limit` back must have left the window first.
                    if (limit > 0 && _slots.Count >= limit && _slots[^limit].At + window > at)
                    {
                        at = _slots[^limit].At + window;
                    }
                }

                var slot = new Slot(this, at);
                _slots.Add(slot);
                if (_slots.Count > kept)
                {
                    _slots.RemoveRange(0, _slots.Count - kept);
                }

                return slot;
            }
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
                return _slots.Count == 0 || _slots[^1].At < moment;
            }
        }
    }
}
