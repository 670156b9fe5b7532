namespace JourneyBot.Protocol.Hosting;

/// <summary>
/// Names of the HttpClients the protocol layer uses besides the typed connector client, so a host
/// can configure them (proxies, certificates) with <c>AddHttpClient(name)</c>.
/// </summary>
public static class BotHttpClients
{
    /// <summary>Fetches OpenID metadata and signing keys.</summary>
    public const string OpenIdMetadata = "JourneyBot.OpenIdMetadata";

    /// <summary>Carries MSAL's token requests (client credentials and managed identity).</summary>
    public const string Msal = "JourneyBot.Msal";
}
