using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Protocol.Sending;

/// <summary>
/// Sends into a conversation outside any turn: a reminder from a scheduled job, a question in a
/// member's 1:1 chat, a summary into a channel thread. The sends go through the
/// <see cref="ConversationOutbox"/>, so they keep their order with the conversation's other sends
/// (turns' included), and through the connector's pacing and retries like every send.
/// </summary>
/// <remarks>
/// The host lives longer than any connector client should (their handlers are rotated), so each
/// piece of work gets a client resolved when it is queued.
/// </remarks>
public sealed class ProactiveSends(ConversationOutbox outbox, IServiceProvider services)
{
    /// <summary>
    /// Queues <paramref name="work"/> for <paramref name="conversation"/>; completes when queued
    /// (see <see cref="ConversationOutbox.EnqueueAsync(IConversationSender, Func{IConversationSender, CancellationToken, Task}, CancellationToken)"/>).
    /// A failure of the work is logged, not returned.
    /// </summary>
    public Task EnqueueAsync(
        ConversationReference conversation, Func<IConversationSender, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(SenderFor(conversation), work, cancellationToken);

    /// <summary>
    /// Posts <paramref name="activity"/> (a text or a card) into <paramref name="conversation"/> in
    /// its turn, and completes once it is sent, with the id to update it by later. A refusal (a
    /// <see cref="ConnectorException"/>, e.g. 403 when the member blocked the bot) is thrown to the caller.
    /// </summary>
    public Task<ResourceResponse> SendAsync(ConversationReference conversation, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return RunAsync(conversation, (sender, token) => sender.SendAsync(activity, token), cancellationToken);
    }

    /// <summary>
    /// Replaces the activity <paramref name="activityId"/> of <paramref name="conversation"/> (a
    /// card sent earlier) by <paramref name="activity"/>, in its turn; completes once updated, and
    /// throws what the connector refused.
    /// </summary>
    public Task<ResourceResponse> UpdateAsync(
        ConversationReference conversation, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        return RunAsync(conversation, (sender, token) => sender.UpdateAsync(activityId, activity, token), cancellationToken);
    }

    // The send's outcome goes to the caller, who waits for it; the outbox sees work that never fails.
    private async Task<ResourceResponse> RunAsync(
        ConversationReference conversation, Func<IConversationSender, CancellationToken, Task<ResourceResponse>> send, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<ResourceResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        await EnqueueAsync(conversation, async (sender, token) =>
        {
            try
            {
                done.TrySetResult(await send(sender, token).ConfigureAwait(false));
            }
            catch (OperationCanceledException ex)
            {
                done.TrySetCanceled(ex.CancellationToken);
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        }, cancellationToken).ConfigureAwait(false);
        return await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private ConversationSender SenderFor(ConversationReference conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new ConversationSender(services.GetRequiredService<ConnectorClient>(), conversation);
    }
}
