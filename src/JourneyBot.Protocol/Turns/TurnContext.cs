using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Sending;

namespace JourneyBot.Protocol.Turns;

/// <summary>One incoming activity and the means to answer it.</summary>
/// <remarks>
/// Sends go to the connector at the activity's <see cref="Activity.ServiceUrl"/>, which Teams may
/// change between turns, so it is never cached beyond the turn.
/// </remarks>
public sealed class TurnContext : IConversationSender
{
    private readonly ConnectorClient _connector;
    private readonly ConversationOutbox _outbox;
    private ConversationSender? _sender;
    private string? _text;

    /// <summary>Creates a turn for <paramref name="activity"/>; its later sends go through <paramref name="outbox"/>.</summary>
    public TurnContext(Activity activity, ConnectorClient connector, ConversationOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(outbox);
        Activity = activity;
        _connector = connector;
        _outbox = outbox;
    }

    /// <summary>The incoming activity.</summary>
    public Activity Activity { get; }

    /// <summary>
    /// The turn's span, set when the turn is observed; what the turn leaves for later links to it,
    /// wherever it is handed over from (the turn itself, or work of its that already runs later).
    /// </summary>
    internal System.Diagnostics.ActivityContext Span { get; set; }

    /// <summary>The message text without the bot's mention, trimmed.</summary>
    public string Text => _text ??= Activity.TextWithoutRecipientMention();

    /// <summary>
    /// Whether the activity is meant for the bot. In a Teams channel or group chat a member
    /// addresses the bot by mentioning it; with resource-specific consent (<c>ChannelMessage.Read.Group</c>,
    /// <c>ChatMessage.Read.Chat</c>) Teams delivers the other messages there too, which are not.
    /// Everything else is: a 1:1 chat's messages, card submits (a message with a value, which Teams
    /// sends only to the bot of the card), invokes and events.
    /// </summary>
    public bool IsAddressed => Activity.Type != ActivityTypes.Message
        || Activity.Value is not null
        || Activity.Conversation?.ConversationType is not (ConversationTypes.Channel or ConversationTypes.GroupChat)
        || Activity.MentionsRecipient();

    /// <summary>Where this turn's answers go; read on first use, so that only a send needs the activity's address.</summary>
    public ConversationReference Conversation => Sender.Conversation;

    /// <summary>Names the conversation across turns (see <see cref="ConversationReference.Key"/>).</summary>
    public string ConversationKey => Conversation.Key;

    /// <summary>Set by the handler to answer an invoke; left null, the host answers 501.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>
    /// Queues <paramref name="sends"/> to run after the turn has been answered, in order with the
    /// conversation's other such work (see <see cref="ConversationOutbox.Enqueue"/>), and returns at
    /// once: the turn never waits for room. When the conversation's queue is full, <paramref name="shed"/>
    /// runs instead, if given: quick, sending nothing itself (it may gather and time sends, see <see cref="SendLater"/>).
    /// The token the sends get is the host's, not the request's, which is over by then.
    /// </summary>
    /// <returns>Whether the sends were queued; false when they were shed (or, past the hard cap, dropped).</returns>
    public bool SendAfterAnswer(Func<CancellationToken, Task> sends, Action? shed = null) =>
        _outbox.Enqueue(this, sends, shed);

    /// <summary>
    /// Runs <paramref name="sends"/> once <paramref name="delay"/> has passed on the host's clock,
    /// beside the conversation's queue, addressed as this turn's answers; at shutdown at once (see
    /// <see cref="ConversationOutbox.SendLater"/>).
    /// </summary>
    public void SendLater(TimeSpan delay, Func<IConversationSender, CancellationToken, Task> sends) =>
        _outbox.SendLater(this, delay, sends);

    /// <summary>Posts a new message with <paramref name="text"/> to the conversation.</summary>
    public Task<ResourceResponse> SendAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(Activity.CreateReply(text), cancellationToken);

    /// <inheritdoc />
    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken) =>
        Sender.SendAsync(activity, cancellationToken);

    /// <summary>Replies to the incoming activity with <paramref name="text"/>.</summary>
    public Task<ResourceResponse> ReplyAsync(string text, CancellationToken cancellationToken) =>
        ReplyAsync(Activity.CreateReply(text), cancellationToken);

    /// <summary>Replies to the incoming activity with <paramref name="activity"/>.</summary>
    /// <remarks>Falls back to a plain send when the incoming activity has no id to reply to.</remarks>
    public Task<ResourceResponse> ReplyAsync(Activity activity, CancellationToken cancellationToken) =>
        ReplyToAsync(Activity.Id, activity, cancellationToken);

    /// <summary>
    /// Replies to the message <paramref name="activityId"/> of this conversation, e.g. the card an
    /// invoke came from (an invoke itself is no message a reply can hang under).
    /// </summary>
    public Task<ResourceResponse> ReplyToAsync(string? activityId, Activity activity, CancellationToken cancellationToken) =>
        Sender.ReplyToAsync(activityId, activity, cancellationToken);

    /// <inheritdoc />
    public Task<ResourceResponse> UpdateAsync(string activityId, Activity activity, CancellationToken cancellationToken) =>
        Sender.UpdateAsync(activityId, activity, cancellationToken);

    /// <summary>Deletes the activity with id <paramref name="activityId"/>.</summary>
    public Task DeleteAsync(string activityId, CancellationToken cancellationToken) =>
        _connector.DeleteActivityAsync(Conversation.ServiceUrl, Conversation.ConversationId, activityId, cancellationToken);

    /// <summary>Shows the typing indicator (clients show it for about 3 seconds).</summary>
    public Task<ResourceResponse> SendTypingAsync(CancellationToken cancellationToken)
    {
        var typing = Activity.CreateReply();
        typing.Type = ActivityTypes.Typing;
        typing.ReplyToId = null;
        return _connector.SendToConversationAsync(Conversation.ServiceUrl, Conversation.ConversationId, typing, cancellationToken);
    }

    // The turn's sends, addressed from its activity; made on first use, so that only a send needs the activity's address.
    private ConversationSender Sender => _sender ??= new ConversationSender(_connector, ConversationReference.From(Activity));
}
