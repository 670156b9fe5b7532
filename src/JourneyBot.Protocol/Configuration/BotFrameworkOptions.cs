namespace JourneyBot.Protocol.Configuration;

/// <summary>
/// The bot's identity and the Bot Framework endpoints it trusts, read from the configuration root
/// under the Bot Framework SDK's own names so that existing Azure Bot app settings work unchanged.
/// </summary>
/// <remarks>
/// Authentication is on exactly when <see cref="MicrosoftAppId"/> is set, as in the SDK. The
/// endpoint overrides exist for sovereign clouds and for tests that serve metadata on loopback.
/// </remarks>
public sealed class BotFrameworkOptions
{
    /// <summary>The issuer of tokens that Azure Bot Service sends with activities.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary><c>MultiTenant</c> (default), <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The bot's Entra app id (or managed identity client id). Empty: authentication off.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The app's client secret (MultiTenant and SingleTenant only).</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The app's tenant (SingleTenant and UserAssignedMSI).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>The issuer of channel tokens.</summary>
    public string ToBotFromChannelTokenIssuer { get; set; } = BotFrameworkIssuer;

    /// <summary>OpenID metadata of the channel token issuer (its JWKS carries endorsements).</summary>
    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } =
        "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata for Entra-issued tokens (Emulator, skills, Entra-issued channel tokens).</summary>
    public string ToBotFromEmulatorOpenIdMetadataUrl { get; set; } =
        "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// The authority the bot gets connector tokens from. Default:
    /// <c>https://login.microsoftonline.com/botframework.com</c> (MultiTenant) or
    /// <c>https://login.microsoftonline.com/{tenant}</c> (SingleTenant).
    /// </summary>
    public string? ToChannelFromBotLoginUrl { get; set; }

    /// <summary>The resource of connector tokens.</summary>
    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com";

    /// <summary>Whether inbound requests must carry a valid token.</summary>
    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The parsed <see cref="MicrosoftAppType"/>; missing means MultiTenant, as in the SDK.</summary>
    public BotAppType AppType => TryParseAppType(MicrosoftAppType, out var type) ? type : BotAppType.MultiTenant;

    /// <summary>The authority for client-credential tokens, per app type.</summary>
    public string LoginUrl => !string.IsNullOrWhiteSpace(ToChannelFromBotLoginUrl)
        ? ToChannelFromBotLoginUrl.TrimEnd('/')
        : AppType == BotAppType.SingleTenant
            ? $"https://login.microsoftonline.com/{MicrosoftAppTenantId}"
            : "https://login.microsoftonline.com/botframework.com";

    /// <summary>Parses an app type case-insensitively; empty means MultiTenant.</summary>
    public static bool TryParseAppType(string? value, out BotAppType type)
    {
        type = BotAppType.MultiTenant;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        // "UserAssignedMSI" is the SDK's spelling; the enum says Msi.
        return Enum.TryParse(value.Trim(), ignoreCase: true, out type) && Enum.IsDefined(type);
    }
}
