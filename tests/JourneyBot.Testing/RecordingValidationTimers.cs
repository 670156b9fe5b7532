using System.Collections.Concurrent;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Conversation.Validation;

namespace JourneyBot.Testing;

/// <summary>Validation rounds' timers that only note what was set, so a test can see them and fire them itself.</summary>
public sealed class RecordingValidationTimers : IValidationTimers
{
    private readonly ConcurrentQueue<ValidationTimer> _set = new();

    /// <summary>The reminders set, in order.</summary>
    public IReadOnlyList<ValidationTimer> Reminders => [.. _set.Where(t => t.MemberId is not null)];

    /// <summary>The deadlines set, in order.</summary>
    public IReadOnlyList<ValidationTimer> Deadlines => [.. _set.Where(t => t.MemberId is null)];

    /// <inheritdoc />
    public Task SetReminderAsync(RoundKey round, string memberId, DateTimeOffset at, string? zone, CancellationToken cancellationToken)
    {
        _set.Enqueue(new ValidationTimer(round, memberId, at, zone));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SetDeadlineAsync(RoundKey round, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _set.Enqueue(new ValidationTimer(round, null, at, null));
        return Task.CompletedTask;
    }
}

/// <summary>A validation round's timer as set: a member's reminder (with their zone), or the round's deadline (no member).</summary>
public sealed record ValidationTimer(RoundKey Round, string? MemberId, DateTimeOffset At, string? Zone);
