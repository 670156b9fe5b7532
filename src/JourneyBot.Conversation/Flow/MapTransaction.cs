using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// Changes the conversation's map safely when many members and bot instances write at once:
/// applies a change to the map as read and saves it only if nobody saved meanwhile; otherwise
/// reads it again and applies the change anew. A redelivered activity is recognised and not
/// applied twice.
/// </summary>
internal sealed class MapTransaction(IMapStore store)
{
    // Optimistic writes that collide are retried on a fresh copy; beyond this many, the member is asked to retry.
    public const int MaxAttempts = 8;

    /// <summary>
    /// Applies <paramref name="change"/> to <paramref name="first"/> (and to fresh copies after a
    /// conflict) and saves the map when the change says so; the change's outcome is the answer.
    /// </summary>
    public async Task<TurnOutcome> ChangeAsync(UserTurn turn, StoredMap first, Func<JourneyMap, MapChange> change,
        CancellationToken cancellationToken)
    {
        var current = first;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (current.Map.HasSeen(turn.ActivityId))
            {
                return TurnReplies.Repeat(turn, current.Map);
            }

            var decision = change(current.Map);
            if (!decision.Save)
            {
                return decision.Outcome;
            }

            current.Map.Remember(turn.ActivityId);
            if (await store.TrySaveAsync(turn.Scope, current, cancellationToken) is not null)
            {
                return decision.Outcome;
            }

            current = await store.GetConversationMapAsync(turn.Scope, cancellationToken)
                ?? throw new InvalidOperationException("The conversation's map disappeared while it was being changed.");
        }

        return new TurnOutcome().Say(Texts.Busy);
    }
}

/// <summary>What a change decided: the answer, and whether the map must be saved.</summary>
internal sealed record MapChange(TurnOutcome Outcome, bool Save)
{
    public static MapChange Saved(TurnOutcome outcome) => new(outcome, true);

    public static MapChange Unchanged(TurnOutcome outcome) => new(outcome, false);
}
