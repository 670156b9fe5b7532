using System.Collections.Concurrent;

namespace JourneyBot.Storage;

/// <summary>
/// A small in-process memory of values read or written moments ago, each kept for a fixed time
/// after it was last read from or written to storage, bounded in number and, where the values say
/// their size, in bytes; when full, the least recently used go first.
/// </summary>
/// <remarks>
/// The lifetime runs from the last read, write or check against storage (<see cref="Renew"/>), never
/// from the last use: a copy used every second is still read or checked again once a lifetime, which
/// is what bounds how long another instance's write can go unseen here (nothing in Table Storage tells
/// this process of it sooner without a request). Past its lifetime a value is kept until trimmed, for
/// whoever can check it more cheaply than reading it again (<see cref="TryGetPast"/>).
/// </remarks>
/// <typeparam name="TValue">What is kept; it must not be changed by whoever gets it.</typeparam>
/// <param name="clock">The clock of the lifetime.</param>
/// <param name="lifetime">How long a value is used after it was read or written; zero keeps nothing.</param>
/// <param name="capacity">At most this many values are kept.</param>
/// <param name="maxBytes">At most this many bytes of values are kept, as <paramref name="weigh"/> counts them.</param>
/// <param name="weigh">The size of a value in bytes (its share of the process's memory); without it, values are not weighed.</param>
internal sealed class RecentReads<TValue>(TimeProvider clock, TimeSpan lifetime, int capacity, long maxBytes = long.MaxValue, Func<TValue, long>? weigh = null)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _trimming = new();
    private long _bytes;
    private long _uses;

    /// <summary>How many entries are kept now, fresh or not.</summary>
    public int Count => _entries.Count;

    /// <summary>How many bytes the entries kept now weigh (0 when values are not weighed).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Whether entries are kept at all (a lifetime of zero turns the memory off).</summary>
    public bool Enabled => lifetime > TimeSpan.Zero;

    /// <summary>The value for <paramref name="key"/>, when it is still fresh.</summary>
    public bool TryGet(string key, out TValue value)
    {
        if (Enabled && _entries.TryGetValue(key, out var entry) && entry.Expires > clock.GetTimestamp())
        {
            entry.LastUse = Interlocked.Increment(ref _uses);
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// The value for <paramref name="key"/>, however old, while it is still kept (until trimmed, or
    /// forgotten): what storage held once, to be checked before it is used.
    /// </summary>
    public bool TryGetPast(string key, out TValue value)
    {
        if (Enabled && _entries.TryGetValue(key, out var entry))
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="value"/> for another lifetime, checked as what storage holds now, unless
    /// another value was set for <paramref name="key"/> meanwhile (or it was forgotten): that one is newer.
    /// </summary>
    public void Renew(string key, TValue value)
    {
        if (Enabled && _entries.TryGetValue(key, out var entry) && ReferenceEquals(entry.Value, value))
        {
            _entries.TryUpdate(key, entry.Renewed(Expiry(), Interlocked.Increment(ref _uses)), entry);
        }
    }

    /// <summary>
    /// Puts <paramref name="value"/> in place of the fresh value kept for <paramref name="key"/>, fresh
    /// only as long as that one was: a write of some fields merged into a copy leaves the others as
    /// old as they were. Forgets the key when its value changed meanwhile; does nothing when none is fresh.
    /// </summary>
    public void Replace(string key, TValue value)
    {
        if (!Enabled || !_entries.TryGetValue(key, out var entry) || entry.Expires <= clock.GetTimestamp())
        {
            return;
        }

        var replaced = new Entry(value, entry.Expires, weigh?.Invoke(value) ?? 0) { LastUse = Interlocked.Increment(ref _uses) };
        if (_entries.TryUpdate(key, replaced, entry))
        {
            Interlocked.Add(ref _bytes, replaced.Bytes - entry.Bytes);
        }
        else
        {
            Forget(key);
        }
    }

    /// <summary>Keeps <paramref name="value"/> as what storage holds for <paramref name="key"/> now.</summary>
    public void Set(string key, TValue value)
    {
        if (!Enabled)
        {
            return;
        }

        var entry = new Entry(value, Expiry(), weigh?.Invoke(value) ?? 0) { LastUse = Interlocked.Increment(ref _uses) };
        while (true)
        {
            if (_entries.TryGetValue(key, out var old))
            {
                if (_entries.TryUpdate(key, entry, old))
                {
                    Interlocked.Add(ref _bytes, entry.Bytes - old.Bytes);
                    break;
                }
            }
            else if (_entries.TryAdd(key, entry))
            {
                Interlocked.Add(ref _bytes, entry.Bytes);
                break;
            }
        }

        if (_entries.Count > capacity || Bytes > maxBytes)
        {
            Trim();
        }
    }

    /// <summary>Forgets <paramref name="key"/> (storage changed in a way this process did not see).</summary>
    public void Forget(string key)
    {
        if (_entries.TryRemove(key, out var gone))
        {
            Interlocked.Add(ref _bytes, -gone.Bytes);
        }
    }

    private long Expiry() => clock.GetTimestamp() + (long)(lifetime.TotalSeconds * clock.TimestampFrequency);

    // Expired entries go first; then the least recently used, down to three quarters of either bound,
    // so trimming is rare and a flood of conversations costs reads, never unbounded memory.
    private void Trim()
    {
        lock (_trimming)
        {
            var now = clock.GetTimestamp();
            foreach (var (key, entry) in _entries)
            {
                if (entry.Expires <= now && _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)))
                {
                    Interlocked.Add(ref _bytes, -entry.Bytes);
                }
            }

            if (_entries.Count <= capacity * 3 / 4 && Bytes <= maxBytes / 4 * 3)
            {
                return;
            }

            foreach (var (key, entry) in _entries.ToArray().OrderBy(e => e.Value.LastUse))
            {
                if (_entries.Count <= capacity * 3 / 4 && Bytes <= maxBytes / 4 * 3)
                {
                    break;
                }

                if (_entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)))
                {
                    Interlocked.Add(ref _bytes, -entry.Bytes);
                }
            }
        }
    }

    private sealed class Entry(TValue value, long expires, long bytes)
    {
        public TValue Value { get; } = value;

        public long Expires { get; } = expires;

        public long Bytes { get; } = bytes;

        public long LastUse { get; set; }

        // The same value and weight, fresh until expires.
        public Entry Renewed(long expires, long use) => new(Value, expires, Bytes) { LastUse = use };
    }
}
