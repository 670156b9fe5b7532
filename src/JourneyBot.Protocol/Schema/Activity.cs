using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyBot.Protocol.Schema;

/// <summary>
/// A Bot Framework activity: what a channel sends the bot and what the bot sends back.
/// </summary>
/// <remarks>
/// Only the fields the bot reads or writes are typed. Everything else a channel sends lands in
/// <see cref="ExtensionData"/> and is written back unchanged, because receivers must accept
/// unknown fields (activity spec A2005) and an update (PUT) must not drop what it did not understand.
/// </remarks>
public sealed class Activity
{
    /// <summary>The activity type, e.g. <see cref="ActivityTypes.Message"/>. Compared ordinally.</summary>
    public string? Type { get; set; }

    /// <summary>The channel's id for this activity; bots leave it empty when sending.</summary>
    public string? Id { get; set; }

    /// <summary>When the channel received the activity (UTC).</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The sender's local time, with its offset.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>The sender's time zone as the client reports it (IANA, e.g. <c>Europe/Bucharest</c>); unchecked.</summary>
    public string? LocalTimezone { get; set; }

    /// <summary>The base address of the connector that replies go to. Always set by a channel.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The channel, e.g. <c>msteams</c>.</summary>
    public string? ChannelId { get; set; }

    /// <summary>Who sent the activity.</summary>
    public ChannelAccount? From { get; set; }

    /// <summary>Who the activity is addressed to.</summary>
    public ChannelAccount? Recipient { get; set; }

    /// <summary>The conversation the activity belongs to.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>The id of the activity this one answers.</summary>
    public string? ReplyToId { get; set; }

    /// <summary>The text of a message.</summary>
    public string? Text { get; set; }

    /// <summary><c>plain</c> (the default, so omitted), <c>markdown</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; set; }

    /// <summary>The sender's locale (BCP-47).</summary>
    public string? Locale { get; set; }

    /// <summary>Cards and files; null rather than empty, since empty lists are not sent.</summary>
    public IList<Attachment>? Attachments { get; set; }

    /// <summary>Mentions, client info and other entities; null rather than empty.</summary>
    public IList<Entity>? Entities { get; set; }

    /// <summary>Channel-specific data (Teams: tenant, team, channel, event type).</summary>
    public JsonElement? ChannelData { get; set; }

    /// <summary>A programmatic payload: card submit data or invoke arguments.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>The operation name of an <c>invoke</c> or <c>event</c> activity.</summary>
    public string? Name { get; set; }

    /// <summary>On <c>installationUpdate</c>: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; set; }

    /// <summary>On <c>conversationUpdate</c>: the members who joined.</summary>
    public IList<ChannelAccount>? MembersAdded { get; set; }

    /// <summary>On <c>conversationUpdate</c>: the members who left.</summary>
    public IList<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>Every field the bot does not type, kept for the round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
