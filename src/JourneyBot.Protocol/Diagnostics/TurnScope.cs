using System.Collections;
using JourneyBot.Protocol.Turns;

namespace JourneyBot.Protocol.Diagnostics;

/// <summary>
/// The log scope of a turn and of its deferred sends: the incoming activity's id and the
/// conversation's hash, so that a failed delayed send reads as part of its turn.
/// </summary>
/// <remarks>The hash is computed when a logger first reads the scope, not for every turn.</remarks>
internal sealed class TurnScope(TurnContext turn) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private string? _conversationHash;

    public string? ActivityId => turn.Activity.Id;

    public string ConversationHash => _conversationHash ??= Diagnostics.ConversationHash.Of(turn.ConversationKey);

    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(ProtocolTelemetry.ScopeActivityId, ActivityId),
        1 => new(ProtocolTelemetry.ScopeConversationHash, ConversationHash),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"Turn {ActivityId} in conversation {ConversationHash}";
}
