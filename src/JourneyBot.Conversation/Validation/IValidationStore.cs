namespace JourneyBot.Conversation.Validation;

/// <summary>
/// Where validation rounds, their members' answers, contradictions and the evidence history of a
/// map live, in the team's partition next to the map. Everything of a map goes with it.
/// </summary>
/// <remarks>
/// A member's answers change only their own row, so members answering at once never conflict; the
/// history is only ever added to, one row per change.
/// </remarks>
public interface IValidationStore
{
    /// <summary>
    /// Saves a new round with everyone it asks, the round's row last: false when the map already
    /// has a validation round of that number (numbers 1 to 9999). A member asked twice is an <see cref="ArgumentException"/>.
    /// </summary>
    Task<bool> TryCreateAsync(string teamKey, ValidationRound round, IReadOnlyList<ValidationAsk> asks, CancellationToken cancellationToken);

    /// <summary>The map's validation round of that number, if there is one.</summary>
    Task<ValidationRound?> GetAsync(string teamKey, string mapId, int number, CancellationToken cancellationToken);

    /// <summary>The map's newest validation round, if there is one.</summary>
    Task<ValidationRound?> GetLatestAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>Replaces the round's row (its state).</summary>
    Task PutAsync(string teamKey, ValidationRound round, CancellationToken cancellationToken);

    /// <summary>Everyone the round asked, by member id (ordinal); empty when the round is not there.</summary>
    Task<IReadOnlyList<ValidationAsk>> ListAsksAsync(string teamKey, string mapId, int number, CancellationToken cancellationToken);

    /// <summary>The member's ask; null when the round did not ask them, or is not there.</summary>
    Task<ValidationAsk?> GetAskAsync(string teamKey, string mapId, int number, string memberId, CancellationToken cancellationToken);

    /// <summary>Replaces the member's ask (their answers); no other member's row is touched.</summary>
    Task PutAskAsync(string teamKey, string mapId, int number, ValidationAsk ask, CancellationToken cancellationToken);

    /// <summary>Flags a contradiction: false when the item is flagged already (of two flags at once, exactly one returns true).</summary>
    Task<bool> TryFlagAsync(string teamKey, Contradiction contradiction, CancellationToken cancellationToken);

    /// <summary>The item's contradiction, if it was flagged.</summary>
    Task<Contradiction?> GetContradictionAsync(string teamKey, string mapId, string itemId, CancellationToken cancellationToken);

    /// <summary>Replaces the item's contradiction (its resolution).</summary>
    Task PutContradictionAsync(string teamKey, Contradiction contradiction, CancellationToken cancellationToken);

    /// <summary>Adds a change to the map's evidence history: false when a change with its id is there already (the same press again); a change is never replaced.</summary>
    Task<bool> AppendAsync(string teamKey, EvidenceChange change, CancellationToken cancellationToken);

    /// <summary>The map's evidence history, oldest first (by time, then id).</summary>
    Task<IReadOnlyList<EvidenceChange>> ListChangesAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>Removes every validation row of the map: rounds, asks, contradictions and the history.</summary>
    Task DeleteAsync(string teamKey, string mapId, CancellationToken cancellationToken);
}
