using JourneyBot.Protocol.Schema;

namespace JourneyBot.Protocol.Sending;

/// <summary>
/// Where a turn's answers go, captured from its incoming activity: the conversation, the channel
/// service that hosts it, and the bot and member on either side.
/// </summary>
/// <remarks>
/// Teams may move a conversation to another service URL between turns, so a reference taken from
/// a turn is only good for the sends of that turn (and those deferred a few seconds after it).
/// Sends outside any turn (<see cref="ForConversation"/>) use the service URL last known for the
/// conversation, which is what Teams documents for proactive messages.
/// </remarks>
public sealed class ConversationReference
{
    private readonly Activity _incoming;

    private ConversationReference(Activity incoming)
    {
        ActivityId = incoming.Id;
        ServiceUrl = incoming.ServiceUrl ?? throw new InvalidOperationException("The incoming activity has no serviceUrl.");
        ConversationId = incoming.Conversation?.Id ?? throw new InvalidOperationException("The incoming activity has no conversation id.");
        _incoming = incoming;
    }

    /// <summary>The id of the incoming activity, which a reply hangs under.</summary>
    public string? ActivityId { get; }

    /// <summary>The connector that hosts the conversation.</summary>
    public string ServiceUrl { get; }

    /// <summary>The conversation's id.</summary>
    public string ConversationId { get; }

    /// <summary>
    /// Names the conversation across turns: its id under its service URL (ids are only unique per
    /// channel service), for state kept per conversation in this process.
    /// </summary>
    public string Key => string.Concat(ServiceUrl, "\u001f", ConversationId);

    /// <summary>The reference for answering <paramref name="incoming"/>, which must name its service URL and conversation.</summary>
    public static ConversationReference From(Activity incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return new ConversationReference(incoming);
    }

    /// <summary>
    /// The reference for sending into a known conversation outside any turn: a reminder, a
    /// question in a member's 1:1 chat, a summary into a channel thread. Its sends come from
    /// <paramref name="bot"/> when given, and answer no activity.
    /// </summary>
    /// <param name="serviceUrl">The connector that hosts the conversation.</param>
    /// <param name="conversationId">The conversation's id (for a channel thread, with its <c>;messageid=</c>).</param>
    /// <param name="tenantId">The conversation's tenant, which Teams wants on proactive sends; null when unknown.</param>
    /// <param name="bot">The bot's account (<c>28:&lt;appId&gt;</c>); null to leave <c>from</c> to the connector.</param>
    /// <param name="channelId">The channel, Teams unless said.</param>
    public static ConversationReference ForConversation(
        string serviceUrl, string conversationId, string? tenantId = null, ChannelAccount? bot = null, string channelId = Channels.Teams)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        // Addressed as an answer to a message from nobody to the bot, in that conversation.
        return new ConversationReference(new Activity
        {
            ServiceUrl = serviceUrl,
            ChannelId = channelId,
            Recipient = bot,
            Conversation = new ConversationAccount { Id = conversationId, TenantId = tenantId },
        });
    }

    /// <summary>
    /// Fills in the addressing a sender should not have to repeat (type, from, recipient,
    /// conversation, channel, service URL) where <paramref name="activity"/> leaves it out;
    /// bots never send their own activity id.
    /// </summary>
    internal Activity Address(Activity activity)
    {
        var template = _incoming.CreateReply(); // fresh accounts, so no two outgoing activities share one
        activity.Type ??= ActivityTypes.Message;
        activity.From ??= template.From;
        activity.Recipient ??= template.Recipient;
        activity.Conversation ??= template.Conversation;
        activity.ChannelId ??= template.ChannelId;
        activity.ServiceUrl ??= template.ServiceUrl;
        activity.Id = null;
        return activity;
    }
}
