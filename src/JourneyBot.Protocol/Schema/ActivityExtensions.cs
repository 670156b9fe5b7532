using System.Text.RegularExpressions;

namespace JourneyBot.Protocol.Schema;

/// <summary>Helpers for reading and answering activities.</summary>
public static class ActivityExtensions
{
    /// <summary>
    /// The message text without the mention of the bot, trimmed: the mention is how the member
    /// addressed the bot, not part of what they said.
    /// </summary>
    /// <remarks>
    /// Mentions are identified by their entities, never by the text: for each mention of the
    /// recipient, its entity text (or <c>&lt;at&gt;name&lt;/at&gt;</c>) is removed, ignoring case.
    /// </remarks>
    public static string TextWithoutRecipientMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        foreach (var mention in RecipientMentions(activity))
        {
            var mentionText = mention.Text ?? $"<at>{mention.Mentioned!.Name}</at>";
            text = Regex.Replace(text, Regex.Escape(mentionText), string.Empty,
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return text.Trim();
    }

    /// <summary>
    /// Whether the activity mentions its recipient (the bot) with a mention entity, as a mention
    /// picked from the Teams @ menu does. Typed "@name" text is no mention.
    /// </summary>
    public static bool MentionsRecipient(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return RecipientMentions(activity).Any();
    }

    private static IEnumerable<Entity> RecipientMentions(Activity activity)
    {
        var botId = activity.Recipient?.Id;
        return botId is null || activity.Entities is null
            ? []
            : activity.Entities.Where(e => e is not null && e.Type == Entity.MentionType && e.Mentioned?.Id == botId);
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
