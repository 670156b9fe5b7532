using System.Globalization;
using System.Text.Json;
using JourneyBot.Protocol.Schema;

namespace JourneyBot.Bench.Load.Sessions;

/// <summary>
/// Activities as Teams sends them from a channel thread: a typed message that @mentions the bot,
/// an Action.Submit (a message with the card's data as its value and the card's id as replyToId,
/// no text), and an Action.Execute (an <c>adaptiveCard/action</c> invoke).
/// </summary>
internal static class TeamsActivities
{
    private const string Tenant = "72f988bf-0000-4000-8000-000000000001";

    private static readonly ChannelAccount Bot = new() { Id = "28:00000000-0000-4000-8000-00000000b07b", Name = "JourneyBot" };

    private static readonly Entity Mention = new() { Type = Entity.MentionType, Mentioned = Bot, Text = "<at>JourneyBot</at>" };

    private static readonly Entity ClientInfo = new()
    {
        Type = "clientInfo",
        ExtensionData = JsonSerializer.SerializeToElement(new ClientInfo("en-US", "US", "Web", "Europe/Berlin"), BenchJson.Default.ClientInfo)
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
    };

    private static long _nextActivityId = 1_800_000_000_000;

    /// <summary>The channel data of every activity in <paramref name="team"/>'s General channel.</summary>
    public static JsonElement ChannelData(Team team) => BenchJson.Element(
        new TeamsChannelData(new TeamsId(team.Id), new TeamsId(team.ChannelId), new TeamsId(Tenant), team.Id, team.ChannelId),
        BenchJson.Default.TeamsChannelData);

    /// <summary>A typed message that starts with the bot's mention, as Teams sends it in a channel.</summary>
    public static Activity Typed(Session session, Member from, string text)
    {
        var activity = Base(session, from, ActivityTypes.Message);
        activity.Text = $"<at>JourneyBot</at> {text}";
        activity.TextFormat = "plain";
        activity.Entities = [Mention, ClientInfo];
        return activity;
    }

    /// <summary>An Action.Submit: a message with the card's data and inputs as its value, answering the card.</summary>
    public static Activity Submit(Session session, Member from, string cardId, IReadOnlyDictionary<string, string> data)
    {
        var activity = Base(session, from, ActivityTypes.Message);
        activity.ReplyToId = cardId;
        activity.Value = BenchJson.Element(data, BenchJson.Default.IReadOnlyDictionaryStringString);
        activity.Entities = [ClientInfo];
        return activity;
    }

    /// <summary>An Action.Execute: an <c>adaptiveCard/action</c> invoke on the card <paramref name="cardId"/>.</summary>
    public static Activity Execute(Session session, Member from, string cardId, string verb, IReadOnlyDictionary<string, string> data,
        string trigger = "manual")
    {
        var activity = Base(session, from, ActivityTypes.Invoke);
        activity.Name = "adaptiveCard/action";
        activity.ReplyToId = cardId;
        activity.Value = BenchJson.Element(new ExecuteValue(new ExecuteAction("Action.Execute", verb, data), trigger), BenchJson.Default.ExecuteValue);
        activity.Entities = [ClientInfo];
        return activity;
    }

    private static Activity Base(Session session, Member from, string type)
    {
        var now = DateTimeOffset.UtcNow;
        return new Activity
        {
            Type = type,
            Id = Interlocked.Increment(ref _nextActivityId).ToString(CultureInfo.InvariantCulture),
            Timestamp = now,
            LocalTimestamp = now.ToOffset(TimeSpan.FromHours(1)),
            ServiceUrl = session.ServiceUrl,
            ChannelId = "msteams",
            From = new ChannelAccount { Id = from.Id, Name = from.Name, AadObjectId = from.AadObjectId },
            Recipient = Bot,
            Conversation = new ConversationAccount
            {
                Id = session.ConversationId, ConversationType = "channel", IsGroup = true, TenantId = Tenant,
            },
            ChannelData = session.ChannelData,
            Locale = "en-US",
        };
    }
}
