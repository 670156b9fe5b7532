namespace JourneyBot.Conversation.Scheduling;

/// <summary>Does the due work of one kind. Register one per kind; the schedule's runner calls it.</summary>
/// <remarks>
/// Work is done at least once: when an instance stops after doing it and before it is marked done,
/// another instance does it once more (and logs that). A handler whose work must not happen twice
/// checks its own state first (e.g. "reminded at" on the member's row).
/// </remarks>
public interface IDueWorkHandler
{
    /// <summary>The <see cref="DueWork.Kind"/> this handler does.</summary>
    string Kind { get; }

    /// <summary>
    /// Does the work. Throwing fails the attempt: the work is tried again later, a few times.
    /// <paramref name="cancellationToken"/> ends when the host stops or the claim's lease runs out.
    /// </summary>
    Task HandleAsync(DueWork work, CancellationToken cancellationToken);
}
