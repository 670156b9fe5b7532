namespace JourneyBot.Bench.Load.Connector;

/// <summary>Running totals of the connector calls, read as <see cref="ConnectorReading"/> snapshots.</summary>
internal sealed class ConnectorTotals
{
    private long _calls;
    private long _bytes;
    private long _posts;
    private long _puts;
    private long _progressUpdates;
    private long _mapCards;
    private long _complaints;
    private long _throttled;

    public void Call(long bodyBytes)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _bytes, bodyBytes);
    }

    public void Post() => Interlocked.Increment(ref _posts);

    public void Put() => Interlocked.Increment(ref _puts);

    public void ProgressUpdate() => Interlocked.Increment(ref _progressUpdates);

    public void MapCard() => Interlocked.Increment(ref _mapCards);

    public void Complaint() => Interlocked.Increment(ref _complaints);

    public void Throttle() => Interlocked.Increment(ref _throttled);

    public ConnectorReading Read() => new(
        Interlocked.Read(ref _calls), Interlocked.Read(ref _bytes), Interlocked.Read(ref _posts), Interlocked.Read(ref _puts),
        Interlocked.Read(ref _progressUpdates), Interlocked.Read(ref _mapCards), Interlocked.Read(ref _complaints),
        Interlocked.Read(ref _throttled));
}

/// <summary>The connector's totals at one moment.</summary>
/// <param name="Calls">Every request the bot made to the connector.</param>
/// <param name="Bytes">Their request bodies, in bytes.</param>
/// <param name="Posts">New messages and replies (POST).</param>
/// <param name="Puts">Updates of a message in place (PUT).</param>
/// <param name="ProgressUpdates">Those of the puts that update a living progress card.</param>
/// <param name="MapCards">Published map cards posted.</param>
/// <param name="Complaints">Replies that mean a turn failed (see <see cref="ReplyMarkers.Complaints"/>); each is also an error.</param>
/// <param name="Throttled">Sends answered 429 because they were beyond Teams' per-conversation limits (see <see cref="TeamsSendLimits"/>).</param>
internal sealed record ConnectorReading(long Calls, long Bytes, long Posts, long Puts, long ProgressUpdates, long MapCards, long Complaints,
    long Throttled)
{
    public static ConnectorReading operator -(ConnectorReading later, ConnectorReading earlier) => new(
        later.Calls - earlier.Calls, later.Bytes - earlier.Bytes, later.Posts - earlier.Posts, later.Puts - earlier.Puts,
        later.ProgressUpdates - earlier.ProgressUpdates, later.MapCards - earlier.MapCards, later.Complaints - earlier.Complaints,
        later.Throttled - earlier.Throttled);
}
