using System.Diagnostics;
using System.Text;

namespace JourneyBot.Bench.Load.Connector;

/// <summary>
/// What the connector saw of one conversation: how fast the bot sent into it, and the ids of the
/// cards it posted there, which members then press (a press names its card and its map).
/// </summary>
internal sealed class ConversationLog
{
    private readonly Lock _gate = new();
    private readonly Queue<long> _sendsInLastSecond = new();
    private readonly TaskCompletionSource _setupCardPosted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;
    private long _newestSend;

    /// <summary>Teams' limits on sends into this conversation, as the mock connector enforces them.</summary>
    public TeamsSendLimits Limits { get; } = new();

    /// <summary>The JSON export link of the published map card, once posted (to compare the maps sessions end with).</summary>
    public string? MapJsonUrl { get; private set; }

    /// <summary>Connector calls into this conversation so far.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The most sends (POST or PUT) into this conversation within any one second.</summary>
    public int MaxSendsPerSecond { get; private set; }

    /// <summary>The id of the session's card (the first card posted: its step cards replace it in place).</summary>
    public string? SetupCardId { get; private set; }

    /// <summary>The map the session's card belongs to, read from its buttons.</summary>
    public string? MapId { get; private set; }

    /// <summary>The id of the living progress card, once posted.</summary>
    public string? ProgressCardId { get; private set; }

    /// <summary>The id of the latest card asking for a member's department.</summary>
    public string? DepartmentCardId { get; private set; }

    /// <summary>Counts a call of any kind.</summary>
    public void Call() => Interlocked.Increment(ref _calls);

    /// <summary>Counts a send at <paramref name="timestamp"/> and returns the sends within the second up to it.</summary>
    public int Send(long timestamp)
    {
        lock (_gate)
        {
            // Arrivals are recorded as requests come in, so they may reach this lock slightly out of order: keep the window by the latest.
            _sendsInLastSecond.Enqueue(timestamp);
            var newest = Math.Max(timestamp, _newestSend);
            _newestSend = newest;
            while (_sendsInLastSecond.Peek() <= newest - Stopwatch.Frequency)
            {
                _sendsInLastSecond.Dequeue();
            }

            MaxSendsPerSecond = Math.Max(MaxSendsPerSecond, _sendsInLastSecond.Count);
            return _sendsInLastSecond.Count;
        }
    }

    /// <summary>Starts the maximum afresh.</summary>
    public void ResetMaxSendsPerSecond()
    {
        lock (_gate)
        {
            MaxSendsPerSecond = 0;
        }
    }

    /// <summary>Notes a card the bot posted with the id the connector gave it.</summary>
    public void CardPosted(string activityId, ReadOnlySpan<byte> body)
    {
        lock (_gate)
        {
            if (body.IndexOf(ReplyMarkers.ProgressCard) >= 0)
            {
                ProgressCardId = activityId;
            }
            else if (body.IndexOf(ReplyMarkers.DepartmentCard) >= 0)
            {
                DepartmentCardId = activityId;
            }
            else if (SetupCardId is null && MapIdIn(body) is { } mapId)
            {
                SetupCardId = activityId;
                MapId = mapId;
                _setupCardPosted.TrySetResult();
            }
        }
    }

    /// <summary>Notes the published map card's JSON export link (its button's URL ending in <c>/json</c>).</summary>
    public void MapCardPosted(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body);
        var end = text.IndexOf("/json\"", StringComparison.Ordinal);
        var start = end < 0 ? -1 : text.LastIndexOf("\"http", end, StringComparison.Ordinal);
        if (start >= 0)
        {
            lock (_gate)
            {
                MapJsonUrl = text[(start + 1)..(end + 5)].Replace("\\u0026", "&", StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Waits until the session's card has been posted (the bot may post after answering the turn).</summary>
    public async Task<bool> WaitForSetupCardAsync(TimeSpan timeout)
    {
        try
        {
            await _setupCardPosted.Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static string? MapIdIn(ReadOnlySpan<byte> body)
    {
        var at = body.IndexOf(ReplyMarkers.MapId);
        if (at < 0)
        {
            return null;
        }

        var rest = body[(at + ReplyMarkers.MapId.Length)..];
        var end = rest.IndexOf((byte)'"');
        return end > 0 ? Encoding.UTF8.GetString(rest[..end]) : null;
    }
}
