using JourneyBot.Protocol.Schema;

namespace JourneyBot.Protocol.Sending;

/// <summary>
/// Where a turn's answers go, captured from its incoming activity: the conversation, the channel
/// service that hosts it, and the bot and member on either side.
/// </summary>
/// <remarks>
/// Teams may move a conversation to another service URL between turns, so a reference is only
/// good for the sends of the turn it came from (and those deferred a few seconds after it).
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
