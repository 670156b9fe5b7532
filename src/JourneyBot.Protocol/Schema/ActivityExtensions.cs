using System.Text.RegularExpressions;

namespace JourneyBot.Protocol.Schema;

/// <summary>Helpers for reading and answering activities.</summary>
public static class ActivityExtensions
{
    /// <summary>
    /// The message text without the mention of the bot, trimmed. In channels and group chats Teams
    /// delivers only messages that mention the bot, so the mention is noise for command parsing.
    /// </summary>
    /// <remarks>
    /// Mentions are identified by their entities, never by the text: for each mention of the
    /// recipient, its entity text (or <c>&lt;at&gt;name&lt;/at&gt;</c>) is removed, ignoring case.
    /// </remarks>
    public static string TextWithoutRecipientMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        if (botId is null || activity.Entities is null)
        {
            return text.Trim();
        }

        foreach (var entity in activity.Entities)
        {
            if (entity.Type != Entity.MentionType || entity.Mentioned?.Id != botId)
            {
                continue;
            }

            var mentionText = entity.Text ?? $"<at>{entity.Mentioned.Name}</at>";
            text = Regex.Replace(text, Regex.Escape(mentionText), string.Empty,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return text.Trim();
    }

    /// <summary>
    /// A new outgoing activity addressed back to the sender of <paramref name="incoming"/>:
    /// from and recipient swapped, same conversation, channel and service URL.
    /// </summary>
    public static Activity CreateReply(this Activity incoming, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            From = Copy(incoming.Recipient),
            Recipient = Copy(incoming.From),
            Conversation = incoming.Conversation is null
                ? null
                : new ConversationAccount
                {
                    Id = incoming.Conversation.Id,
                    Name = incoming.Conversation.Name,
                    TenantId = incoming.Conversation.TenantId,
                },
            ChannelId = incoming.ChannelId,
            ServiceUrl = incoming.ServiceUrl,
            ReplyToId = incoming.Id,
            Locale = incoming.Locale,
        };
    }

    private static ChannelAccount? Copy(ChannelAccount? account) =>
        account is null ? null : new ChannelAccount { Id = account.Id, Name = account.Name };
}
