namespace JourneyBot.Protocol.Schema;

/// <summary>The Teams conversation types (<see cref="ConversationAccount.ConversationType"/>).</summary>
public static class ConversationTypes
{
    /// <summary>A 1:1 chat with the bot.</summary>
    public const string Personal = "personal";

    /// <summary>A chat of several people.</summary>
    public const string GroupChat = "groupChat";

    /// <summary>A team's channel; each post starts a thread of its own.</summary>
    public const string Channel = "channel";
}
