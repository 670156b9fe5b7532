using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;

namespace JourneyBot.Protocol.Sending;

/// <summary>
/// Sends into the conversation of <see cref="Conversation"/> through the connector, each send
/// addressed from the reference: a turn's sends (<see cref="Turns.TurnContext"/> uses one) and
/// those outside any turn (<see cref="ProactiveSends"/>) go the same way.
/// </summary>
/// <param name="connector">The connector client; it is resolved per use, so hold the sender no longer than its sends.</param>
/// <param name="conversation">Where the sends go.</param>
public sealed class ConversationSender(ConnectorClient connector, ConversationReference conversation) : IConversationSender
{
    /// <inheritdoc />
    public ConversationReference Conversation { get; } = conversation ?? throw new ArgumentNullException(nameof(conversation));

    /// <inheritdoc />
    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return connector.SendToConversationAsync(Conversation.ServiceUrl, Conversation.ConversationId, Conversation.Address(activity), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ResourceResponse> ReplyToAsync(string? activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var outgoing = Conversation.Address(activity);
        if (string.IsNullOrEmpty(activityId))
        {
            return connector.SendToConversationAsync(Conversation.ServiceUrl, Conversation.ConversationId, outgoing, cancellationToken);
        }

        outgoing.ReplyToId = activityId;
        return connector.ReplyToActivityAsync(Conversation.ServiceUrl, Conversation.ConversationId, activityId, outgoing, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ResourceResponse> UpdateAsync(string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var outgoing = Conversation.Address(activity);
        outgoing.Id = activityId;
        return connector.UpdateActivityAsync(Conversation.ServiceUrl, Conversation.ConversationId, activityId, outgoing, cancellationToken);
    }
}
