using JourneyBot.Protocol.Schema;

namespace JourneyBot.Protocol.Sending;

/// <summary>
/// Sends into one conversation, addressed from its <see cref="Conversation"/> reference: every
/// send, whether during the turn, after its answer, or seconds later, is addressed the same way.
/// </summary>
/// <remarks>
/// A message passes these layers on its way out, each with one concern:
/// <list type="number">
/// <item>the turn handler decides what to say;</item>
/// <item>coalescing (the web host's <c>Sending</c> folder) merges what many members cause at once:
/// card updates where only the newest counts, gathered confirmations, progress-card updates;</item>
/// <item><see cref="ConversationOutbox"/> runs it after the turn's answer, in order per conversation,
/// or later on the host's clock, and makes the host wait for both at shutdown;</item>
/// <item>this interface addresses it (implemented by <see cref="Turns.TurnContext"/>);</item>
/// <item><see cref="Connector.ConnectorClient"/> turns it into a connector REST call, whose
/// HttpClient is resolved per request;</item>
/// <item>HTTP handlers on that client, outermost first: the connector token, the retry of throttled
/// and passing faults (HTTP resilience), and innermost <see cref="ConversationSendPacer"/>, so that a
/// retry is paced like any other send.</item>
/// </list>
/// </remarks>
public interface IConversationSender
{
    /// <summary>The conversation the sends go to.</summary>
    ConversationReference Conversation { get; }

    /// <summary>Posts <paramref name="activity"/> to the conversation (not as a reply).</summary>
    Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>
    /// Replies to the message <paramref name="activityId"/> of the conversation; with no id to
    /// reply to, posts it as a new message.
    /// </summary>
    Task<ResourceResponse> ReplyToAsync(string? activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces the activity with id <paramref name="activityId"/> (e.g. a card) by <paramref name="activity"/>.</summary>
    Task<ResourceResponse> UpdateAsync(string activityId, Activity activity, CancellationToken cancellationToken);
}
