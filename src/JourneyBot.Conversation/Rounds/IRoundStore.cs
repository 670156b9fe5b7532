namespace JourneyBot.Conversation.Rounds;

/// <summary>
/// Where rounds of questions live: a row per round and a row per member asked, in the team's
/// partition next to its maps; and the team's list of departments.
/// </summary>
/// <remarks>
/// A member's answers change only their own row, so any number of members answering at once never
/// conflict; the round's row changes only when it is sent and when it closes.
/// </remarks>
public interface IRoundStore
{
    /// <summary>
    /// Saves a new round with everyone it asks, the round's row last, so a round half written (the
    /// process stopped midway) is not there: false when the map already has a round of that number.
    /// </summary>
    /// <remarks>
    /// Numbers run from 1 to 9999 (else <see cref="ArgumentOutOfRangeException"/>); a member asked
    /// twice is an <see cref="ArgumentException"/>. Asks left by a create that stopped midway are
    /// replaced by the next create of that number. Of two creates of one number at once exactly
    /// one returns true, but the other's asks may have replaced some of its asks: callers take the
    /// number so that they never race themselves.
    /// </remarks>
    Task<bool> TryCreateAsync(string teamKey, Round round, IReadOnlyList<RoundAsk> asks, CancellationToken cancellationToken);

    /// <summary>The map's round of that number, if there is one.</summary>
    Task<Round?> GetAsync(string teamKey, string mapId, int number, CancellationToken cancellationToken);

    /// <summary>The map's newest round, if there is one.</summary>
    Task<Round?> GetLatestAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>Replaces the round's row (its state).</summary>
    Task PutAsync(string teamKey, Round round, CancellationToken cancellationToken);

    /// <summary>Everyone the round asked, by member id (ordinal); empty when the round is not there.</summary>
    Task<IReadOnlyList<RoundAsk>> ListAsksAsync(string teamKey, string mapId, int number, CancellationToken cancellationToken);

    /// <summary>The member's ask in the round; null when they were not asked in it, or the round is not there.</summary>
    Task<RoundAsk?> GetAskAsync(string teamKey, string mapId, int number, string memberId, CancellationToken cancellationToken);

    /// <summary>Replaces the member's ask (an ask put for a round that is not there is never seen).</summary>
    Task PutAskAsync(string teamKey, string mapId, int number, RoundAsk ask, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the member's ask as it is stored now with <paramref name="change"/> (which may be called
    /// again, on a fresh read, when the ask changed meanwhile): the writes of others (the member
    /// answering) are kept. Returns the ask written; null when the ask or its round is not there.
    /// </summary>
    Task<RoundAsk?> UpdateAskAsync(string teamKey, string mapId, int number, string memberId, Func<RoundAsk, RoundAsk> change, CancellationToken cancellationToken);

    /// <summary>The departments the team set (<c>departments …</c>); null when it set none.</summary>
    Task<IReadOnlyList<string>?> GetDepartmentsAsync(string teamKey, CancellationToken cancellationToken);

    /// <summary>Sets the team's departments.</summary>
    Task PutDepartmentsAsync(string teamKey, IReadOnlyList<string> departments, CancellationToken cancellationToken);

    /// <summary>
    /// Notes that a round's question went to the 1:1 chat <paramref name="chatId"/>, so that what the
    /// member types there later finds the map it is for. Noting it again changes nothing.
    /// </summary>
    Task AddChatAskAsync(string chatId, RoundKey round, CancellationToken cancellationToken);

    /// <summary>Every round whose question went to the 1:1 chat <paramref name="chatId"/>, open or not (the caller checks).</summary>
    Task<IReadOnlyList<RoundKey>> ListChatAsksAsync(string chatId, CancellationToken cancellationToken);

    /// <summary>Removes every round of the map and everyone asked in them (rows a create left midway too).</summary>
    Task DeleteRoundsAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>Forgets that the round's question went to the 1:1 chat <paramref name="chatId"/>; nothing happens when it did not.</summary>
    Task RemoveChatAskAsync(string chatId, RoundKey round, CancellationToken cancellationToken);
}
