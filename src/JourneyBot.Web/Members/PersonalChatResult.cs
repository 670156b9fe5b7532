using JourneyBot.Conversation;

namespace JourneyBot.Web.Members;

/// <summary>Whether a member can be written to in a 1:1 chat, and where.</summary>
public abstract record PersonalChatResult
{
    private PersonalChatResult()
    {
    }

    /// <summary>Their 1:1 chat: the one on their row, or one just started (<paramref name="Created"/>) and now on it.</summary>
    public sealed record Reached(PersonalChat Chat, bool Created) : PersonalChatResult;

    /// <summary>
    /// Teams refused (403): the member blocked the bot, or the app is not allowed for them. Worth
    /// a hint for the facilitator, not a retry.
    /// </summary>
    /// <param name="ErrorCode">The connector's error code, e.g. <c>MessageWritesBlocked</c>, when it gave one.</param>
    public sealed record CannotReach(string? ErrorCode) : PersonalChatResult;

    /// <summary>Teams does not know the member (404): they left the team or the tenant.</summary>
    public sealed record Left : PersonalChatResult;
}
