using System.Collections.Concurrent;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Sending;

namespace JourneyBot.Web.Sending;

/// <summary>
/// Updates of a card in place, where only the newest counts: when several members press the same
/// card within moments, the first update to go out carries the newest card and the others have
/// nothing left to send. A busy thread's card then costs a few updates, not one per press.
/// </summary>
internal sealed class CardUpdates
{
    private readonly ConcurrentDictionary<string, Activity> _newest = new(StringComparer.Ordinal);

    /// <summary>Notes <paramref name="card"/> as the newest content of message <paramref name="activityId"/>.</summary>
    public void Offer(IConversationSender sender, string activityId, Activity card) => _newest[Key(sender, activityId)] = card;

    /// <summary>Puts the newest offered content in place, unless an earlier call already did.</summary>
    public Task SendNewestAsync(IConversationSender sender, string activityId, CancellationToken cancellationToken) =>
        _newest.TryRemove(Key(sender, activityId), out var card)
            ? sender.UpdateAsync(activityId, card, cancellationToken)
            : Task.CompletedTask;

    private static string Key(IConversationSender sender, string activityId) =>
        string.Concat(sender.Conversation.Key, "\u001f", activityId);
}
