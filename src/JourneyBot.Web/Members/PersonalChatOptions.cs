namespace JourneyBot.Web.Members;

/// <summary>How the bot starts 1:1 chats with members (section <c>PersonalChats</c>).</summary>
public sealed class PersonalChatOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "PersonalChats";

    /// <summary>
    /// How many 1:1 chats this instance starts a second at most, evenly spaced; 0 or less: no
    /// bound. Teams counts a create call against the bot's per-tenant limits like a send, and a
    /// round may reach hundreds of members at once.
    /// </summary>
    public double CreationsPerSecond { get; set; } = 3;
}
