namespace JourneyBot.Protocol.Configuration;

/// <summary>How the bot's identity is registered in Entra ID (the <c>MicrosoftAppType</c> setting).</summary>
public enum BotAppType
{
    /// <summary>An app registration usable from any tenant; secret in <c>MicrosoftAppPassword</c>.</summary>
    MultiTenant,

    /// <summary>An app registration in one tenant; needs <c>MicrosoftAppTenantId</c> and a secret.</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity; no secret at all.</summary>
    UserAssignedMsi,
}
