namespace JourneyBot.Protocol.Authentication;

/// <summary>Names of the bot's authentication scheme and authorization policy.</summary>
internal static class BotAuthenticationDefaults
{
    /// <summary>The JwtBearer scheme that validates Bot Framework tokens.</summary>
    public const string Scheme = "BotFramework";

    /// <summary>The policy on <c>/api/messages</c>.</summary>
    public const string Policy = "BotFramework";
}
