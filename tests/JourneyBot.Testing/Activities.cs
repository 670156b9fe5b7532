using System.Text.Json;
using JourneyBot.Protocol.Schema;

namespace JourneyBot.Testing;

/// <summary>Teams-shaped activities as Teams (and Agents Playground) send them.</summary>
public static class Activities
{
    /// <summary>The bot's account in tests.</summary>
    public static ChannelAccount Bot => new() { Id = "28:bot-app-id", Name = "JourneyBot" };

    /// <summary>A team channel thread id with every character Teams ids use.</summary>
    public const string ChannelThreadId = "19:abc@thread.tacv2;messageid=1";

    /// <summary>A message from a user, optionally @mentioning the bot first.</summary>
    public static Activity Message(string serviceUrl, string text, bool mentionBot = false,
        string conversationId = ChannelThreadId, string activityId = "1:user-message", string channelId = "msteams")
    {
        var bot = Bot;
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = activityId,
            Timestamp = DateTimeOffset.UtcNow,
            ServiceUrl = serviceUrl,
            ChannelId = channelId,
            From = new ChannelAccount { Id = "29:alex", Name = "Alex Wilber", AadObjectId = "00000000-0000-0000-0000-000000000020" },
            Recipient = bot,
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = "channel", IsGroup = true, TenantId = "tenant-1" },
            Text = mentionBot ? $"<at>{bot.Name}</at> {text}" : text,
            Entities = mentionBot
                ? [new Entity { Type = Entity.MentionType, Mentioned = bot, Text = $"<at>{bot.Name}</at>" }]
                : null,
        };
    }

    /// <summary>An activity of any <paramref name="type"/> addressed to the bot.</summary>
    public static Activity Of(string type, string serviceUrl, string channelId = "msteams")
    {
        var activity = Message(serviceUrl, string.Empty, channelId: channelId);
        activity.Type = type;
        activity.Text = null;
        activity.Id = $"1:{type}";
        return activity;
    }

    /// <summary>An <c>invoke</c> named <paramref name="name"/> with a JSON value.</summary>
    public static Activity Invoke(string serviceUrl, string name, string valueJson)
    {
        var activity = Of(ActivityTypes.Invoke, serviceUrl);
        activity.Name = name;
        activity.Value = JsonDocument.Parse(valueJson).RootElement.Clone();
        return activity;
    }

    /// <summary>The activity as JSON, as the channel would post it.</summary>
    public static string ToJson(this Activity activity) => JsonSerializer.Serialize(activity, ProtocolJson.Default.Activity);
}
