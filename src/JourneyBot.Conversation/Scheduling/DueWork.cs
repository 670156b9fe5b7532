namespace JourneyBot.Conversation.Scheduling;

/// <summary>
/// Work to be done at a time: a reminder, a deadline, anything later. Kept in a durable schedule
/// (<see cref="IDueWorkStore"/>) and done by the <see cref="IDueWorkHandler"/> of its kind.
/// </summary>
/// <param name="Id">
/// Chosen by the caller, so that scheduling the same work again (a redelivered activity, a retried
/// turn) keeps one entry. Together with the hour of <paramref name="DueAt"/> it names the entry:
/// to move work to another hour, cancel the old one and schedule the new.
/// </param>
/// <param name="Kind">Which handler does it (<see cref="IDueWorkHandler.Kind"/>).</param>
/// <param name="DueAt">When it is due; it is done at the first poll after that.</param>
/// <param name="Payload">
/// A small JSON document (at most <see cref="MaxPayloadLength"/> characters) that the kind's
/// handler reads: ids, never member text. It is logged at Debug only.
/// </param>
public sealed record DueWork(string Id, string Kind, DateTimeOffset DueAt, string Payload)
{
    /// <summary>The longest payload a store keeps, in UTF-16 characters.</summary>
    public const int MaxPayloadLength = 16_000;

    /// <summary>
    /// An id made of <paramref name="prefix"/> and a hash of <paramref name="named"/>: ids are logged where
    /// work fails or repeats, so one that names a member is hashed, and no member id is written beside a map there.
    /// </summary>
    public static string HashedId(string prefix, string named) =>
        prefix + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(named)).AsSpan(0, 16));

    /// <summary>Throws when the work cannot be stored: an empty id or kind, or a payload too long.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(Kind);
        ArgumentNullException.ThrowIfNull(Payload);
        if (Payload.Length > MaxPayloadLength)
        {
            throw new ArgumentException($"A payload holds at most {MaxPayloadLength} characters; store the data elsewhere and refer to it.", nameof(Payload));
        }
    }
}
