using System.Collections.Concurrent;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Sending;
using JourneyBot.Protocol.Turns;

namespace JourneyBot.Web.Sending;

/// <summary>
/// Updates of a card in place, where only the newest counts: when several members press the same
/// card within moments, the first update to go out carries the newest card and the others have
/// nothing left to send. A busy thread's card then costs a few updates, not one per press.
/// </summary>
internal sealed class CardUpdates
{
    // A shed press's update waits this long, so that the presses of that moment share it.
    private static readonly TimeSpan Folded = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, Activity> _newest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _timed = new(StringComparer.Ordinal);

    /// <summary>Notes <paramref name="card"/> as the newest content of message <paramref name="activityId"/>.</summary>
    public void Offer(IConversationSender sender, string activityId, Activity card) => _newest[Key(sender, activityId)] = card;

    /// <summary>Puts the newest offered content in place, unless an earlier call already did.</summary>
    public Task SendNewestAsync(IConversationSender sender, string activityId, CancellationToken cancellationToken) =>
        _newest.TryRemove(Key(sender, activityId), out var card)
            ? sender.UpdateAsync(activityId, card, cancellationToken)
            : Task.CompletedTask;

    /// <summary>
    /// Puts the newest offered content in place shortly, beside the conversation's queue, for a
    /// press whose turn was shed (its conversation's outbox is full): one timed update, however
    /// many presses come before it goes.
    /// </summary>
    public void SendNewestLater(TurnContext turn, string activityId)
    {
        var key = Key(turn, activityId);
        if (_timed.TryAdd(key, true))
        {
            turn.SendLater(Folded, (sender, cancellationToken) =>
            {
                _timed.TryRemove(key, out _);
                return SendNewestAsync(sender, activityId, cancellationToken);
            });
        }
    }

    private static string Key(IConversationSender sender, string activityId) =>
        string.Concat(sender.Conversation.Key, "\u001f", activityId);
}
