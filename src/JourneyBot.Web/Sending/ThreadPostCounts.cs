using System.Collections.Concurrent;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Web.Sending;

/// <summary>
/// How many posts went into each conversation since its progress card was last posted: in a busy
/// thread the card scrolls out of sight, and it is posted again below once enough posts pile up.
/// </summary>
/// <remarks>
/// Teams offers bots no way to pin a message in a channel, so re-posting is how the card stays at
/// hand. Counts live in this process: a conversation is counted from the first change this
/// instance sees, and a restart only delays the next re-post. Only conversations whose progress
/// card changed are counted; a conversation whose map has no card any more is forgotten.
/// </remarks>
internal sealed class ThreadPostCounts
{
    private readonly ConcurrentDictionary<string, int> _since = new(StringComparer.Ordinal);

    /// <summary>Counts <paramref name="posts"/> new posts in a conversation that is being counted.</summary>
    public void Posted(MapScope scope, int posts)
    {
        if (posts > 0)
        {
            // Only a counted conversation grows; an entry that was removed meanwhile stays removed.
            while (_since.TryGetValue(scope.ConversationKey, out var count)
                && !_since.TryUpdate(scope.ConversationKey, count + posts, count))
            {
            }
        }
    }

    /// <summary>Starts counting a conversation whose progress card changed, if it is not counted yet.</summary>
    public void Watch(MapScope scope) => _since.TryAdd(scope.ConversationKey, 0);

    /// <summary>The posts since the card was posted.</summary>
    public int Since(MapScope scope) => _since.GetValueOrDefault(scope.ConversationKey);

    /// <summary>The card was just posted (again): count from zero.</summary>
    public void CardPosted(MapScope scope) => _since[scope.ConversationKey] = 0;

    /// <summary>The conversation has no progress card to keep in sight any more.</summary>
    public void Forget(MapScope scope) => _since.TryRemove(scope.ConversationKey, out _);
}
