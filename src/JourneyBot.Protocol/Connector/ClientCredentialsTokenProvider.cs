using JourneyBot.Protocol.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace JourneyBot.Protocol.Connector;

/// <summary>
/// Connector tokens for MultiTenant and SingleTenant bots: MSAL client credentials with the app's
/// secret, against the botframework.com authority or the bot's own tenant.
/// </summary>
/// <remarks>
/// One confidential client for the process: MSAL caches the token in it and fetches a new one only
/// when the cached one is about to expire.
/// </remarks>
internal sealed class ClientCredentialsTokenProvider : IConnectorTokenProvider
{
    private readonly IConfidentialClientApplication _app;
    private readonly string[] _scopes;

    public ClientCredentialsTokenProvider(IOptions<BotFrameworkOptions> options, IMsalHttpClientFactory httpClientFactory)
    {
        var bot = options.Value;
        _app = ConfidentialClientApplicationBuilder.Create(bot.MicrosoftAppId)
            .WithClientSecret(bot.MicrosoftAppPassword)
            .WithAuthority(bot.LoginUrl, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(httpClientFactory)
            .Build();
        _scopes = [ScopeOf(bot.ToChannelFromBotOAuthScope)];
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _app.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    // MSAL wants "<resource>/.default" for client credentials; the SDK appends it the same way.
    internal static string ScopeOf(string resource) =>
        resource.EndsWith("/.default", StringComparison.OrdinalIgnoreCase) ? resource : resource.TrimEnd('/') + "/.default";
}
