namespace JourneyBot.Protocol.Schema;

/// <summary>The activity types the bot distinguishes. Any other type is accepted and ignored.</summary>
public static class ActivityTypes
{
    /// <summary>Text, cards, and Teams <c>Action.Submit</c> payloads.</summary>
    public const string Message = "message";

    /// <summary>Members joined or left; the bot itself was added.</summary>
    public const string ConversationUpdate = "conversationUpdate";

    /// <summary>The app was installed or removed.</summary>
    public const string InstallationUpdate = "installationUpdate";

    /// <summary>A synchronous request whose answer is the HTTP response.</summary>
    public const string Invoke = "invoke";

    /// <summary>The bot is working on an answer.</summary>
    public const string Typing = "typing";

    /// <summary>A reaction was added or removed.</summary>
    public const string MessageReaction = "messageReaction";
}
