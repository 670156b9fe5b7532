using System.Collections.Concurrent;
using JourneyBot.Conversation.Scheduling;

namespace JourneyBot.Web.Tests.Scheduling;

/// <summary>A handler that records each work it is given ("sends" it), then does what the test says.</summary>
internal sealed class RecordingHandler(Func<DueWork, int, CancellationToken, Task>? then = null) : IDueWorkHandler
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _total;

    public string Kind => ScheduleHost.Kind;

    /// <summary>How many times each work id was handled, over every host sharing this handler.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    public int Total => Volatile.Read(ref _total);

    public int CountOf(string id) => _counts.GetValueOrDefault(id);

    public async Task HandleAsync(DueWork work, CancellationToken cancellationToken)
    {
        var count = _counts.AddOrUpdate(work.Id, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _total);
        if (then is not null)
        {
            await then(work, count, cancellationToken);
        }
    }
}
