namespace JourneyBot.Storage.Tests;

/// <summary>A clock that moves one second each time it is read, so "newest first" has an answer.</summary>
internal sealed class StepClock : TimeProvider
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private long _reads;

    public override DateTimeOffset GetUtcNow() => Start.AddSeconds(Interlocked.Increment(ref _reads));
}
