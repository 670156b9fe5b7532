using System.Collections.Concurrent;

namespace JourneyBot.Storage;

/// <summary>
/// A small in-process memory of values read or written moments ago, each kept for a fixed time
/// after it was last read from or written to storage, and bounded in number.
/// </summary>
/// <typeparam name="TValue">What is kept; it must not be changed by whoever gets it.</typeparam>
internal sealed class RecentReads<TValue>(TimeProvider clock, TimeSpan lifetime, int capacity)
{
    private readonly ConcurrentDictionary<string, (TValue Value, long Expires)> _entries = new(StringComparer.Ordinal);

    /// <summary>How many entries are kept now, fresh or not.</summary>
    public int Count => _entries.Count;

    /// <summary>Whether entries are kept at all (a lifetime of zero turns the memory off).</summary>
    public bool Enabled => lifetime > TimeSpan.Zero;

    /// <summary>The value for <paramref name="key"/>, when it is still fresh.</summary>
    public bool TryGet(string key, out TValue value)
    {
        if (Enabled && _entries.TryGetValue(key, out var entry) && entry.Expires > clock.GetTimestamp())
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> as what storage holds for <paramref name="key"/> now.</summary>
    public void Set(string key, TValue value)
    {
        if (!Enabled)
        {
            return;
        }

        if (_entries.Count >= capacity)
        {
            Trim();
        }

        var expires = clock.GetTimestamp() + (long)(lifetime.TotalSeconds * clock.TimestampFrequency);
        _entries[key] = (value, expires);
    }

    /// <summary>Forgets <paramref name="key"/> (storage changed in a way this process did not see).</summary>
    public void Forget(string key) => _entries.TryRemove(key, out _);

    // Expired entries go first; if the memory is still full, a quarter of it is dropped, so a flood
    // of conversations costs reads, never unbounded memory.
    private void Trim()
    {
        var now = clock.GetTimestamp();
        foreach (var (key, entry) in _entries)
        {
            if (entry.Expires <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        var excess = _entries.Count - (capacity * 3 / 4);
        foreach (var key in _entries.Keys.Take(Math.Max(0, excess)))
        {
            _entries.TryRemove(key, out _);
        }
    }
}
