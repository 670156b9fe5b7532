using System.Collections.Concurrent;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Testing;

/// <summary>Round timers that only note what was set, so a test can see them and fire them itself.</summary>
public sealed class RecordingRoundTimers : IRoundTimers
{
    private readonly ConcurrentQueue<RoundTimer> _set = new();
    private readonly ConcurrentQueue<RoundTimer> _dropped = new();

    /// <summary>Every timer set, in order.</summary>
    public IReadOnlyList<RoundTimer> Set => [.. _set];

    /// <summary>The reminders set.</summary>
    public IReadOnlyList<RoundTimer> Reminders => [.. _set.Where(t => t.MemberId is not null)];

    /// <summary>The deadlines set.</summary>
    public IReadOnlyList<RoundTimer> Deadlines => [.. _set.Where(t => t.MemberId is null)];

    /// <summary>Every timer dropped, in order.</summary>
    public IReadOnlyList<RoundTimer> Dropped => [.. _dropped];

    /// <summary>The timers set and not dropped since.</summary>
    public IReadOnlyList<RoundTimer> Pending => [.. _set.Where(t => !_dropped.Contains(t))];

    /// <inheritdoc />
    public Task DropReminderAsync(RoundKey round, string memberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _dropped.Enqueue(new RoundTimer(round, memberId, at));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DropDeadlineAsync(RoundKey round, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _dropped.Enqueue(new RoundTimer(round, null, at));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SetReminderAsync(RoundKey round, string memberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _set.Enqueue(new RoundTimer(round, memberId, at));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SetDeadlineAsync(RoundKey round, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _set.Enqueue(new RoundTimer(round, null, at));
        return Task.CompletedTask;
    }
}

/// <summary>A timer set: a member's reminder, or (without a member) the round's deadline.</summary>
public sealed record RoundTimer(RoundKey Round, string? MemberId, DateTimeOffset At);
