using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace JourneyBot.Protocol.Connector;

/// <summary>
/// Keeps the bot's posts and updates into each conversation within <see cref="SendPacingOptions"/>:
/// every send takes the earliest moment at which it fits every window, in the order they came,
/// and waits for it. However many members are busy in one conversation, it never gets more.
/// </summary>
/// <remarks>
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

    /// <summary>Waits until <paramref name="request"/> may go, when it sends into a conversation.</summary>
    public async Task WaitForTurnAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (ConversationOf(request) is { } conversation)
        {
            var now = clock.GetUtcNow();
            var slot = _schedules.GetOrAdd(conversation, _ => new Schedule()).Reserve(now, _windows, _kept);
            if (slot > now)
            {
                await Task.Delay(slot - now, clock, cancellationToken).ConfigureAwait(false);
            }

            if (Interlocked.Increment(ref _sends) % SweepEvery == 0)
            {
                Sweep(now);
            }
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

    /// <summary>The moments of one conversation's recent and coming sends, oldest first.</summary>
    private sealed class Schedule
    {
        private readonly Lock _gate = new();
        private readonly List<DateTimeOffset> _slots = [];

        public DateTimeOffset Reserve(DateTimeOffset now, (int Limit, TimeSpan Window)[] windows, int kept)
        {
            lock (_gate)
            {
                var slot = _slots.Count > 0 && _slots[^1] > now ? _slots[^1] : now;
                foreach (var (limit, window) in windows)
                {
                    // The send that is `limit` back must have left the window first.
                    if (limit > 0 && _slots.Count >= limit && _slots[^limit] + window > slot)
                    {
                        slot = _slots[^limit] + window;
                    }
                }

                _slots.Add(slot);
                if (_slots.Count > kept)
                {
                    _slots.RemoveRange(0, _slots.Count - kept);
                }

                return slot;
            }
        }

        public bool IdleSince(DateTimeOffset moment)
        {
            lock (_gate)
            {
                return _slots.Count == 0 || _slots[^1] < moment;
            }
        }
    }
}
