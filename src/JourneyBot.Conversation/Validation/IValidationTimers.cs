using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Validation;

/// <summary>Sets a validation round's reminders and deadline (on the durable schedule: <see cref="ValidationWork"/>).</summary>
public interface IValidationTimers
{
    /// <summary>Reminds <paramref name="memberId"/> at <paramref name="at"/>, if they have not answered by then; <paramref name="zone"/>: theirs, to show the deadline in.</summary>
    Task SetReminderAsync(RoundKey round, string memberId, DateTimeOffset at, string? zone, CancellationToken cancellationToken);

    /// <summary>Closes the round at <paramref name="at"/>, if it is still open, and sends the facilitator its summary.</summary>
    Task SetDeadlineAsync(RoundKey round, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>No schedule (a host without one: tests of the flow alone, benchmarks): validation rounds are sent without reminders and close only early.</summary>
public sealed class NoValidationTimers : IValidationTimers
{
    /// <summary>The one instance.</summary>
    public static NoValidationTimers Instance { get; } = new();

    private NoValidationTimers()
    {
    }

    /// <inheritdoc />
    public Task SetReminderAsync(RoundKey round, string memberId, DateTimeOffset at, string? zone, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task SetDeadlineAsync(RoundKey round, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;
}
