using JourneyBot.Protocol.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace JourneyBot.Protocol.Connector;

/// <summary>
/// Tokens for MultiTenant and SingleTenant bots: MSAL client credentials with the app's secret,
/// against the botframework.com authority or the bot's own tenant, or the tenant asked for.
/// </summary>
/// <remarks>
/// One confidential client for the process: MSAL caches each token (per resource and tenant) in it
/// and fetches a new one only when the cached one is about to expire.
/// </remarks>
internal sealed class ClientCredentialsTokenProvider : IAppTokenProvider
{
    private readonly IConfidentialClientApplication _app;

    public ClientCredentialsTokenProvider(IOptions<BotFrameworkOptions> options, IMsalHttpClientFactory httpClientFactory)
    {
        var bot = options.Value;
        _app = ConfidentialClientApplicationBuilder.Create(bot.MicrosoftAppId)
            .WithClientSecret(bot.MicrosoftAppPassword)
            .WithAuthority(bot.LoginUrl, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(httpClientFactory)
            .Build();
    }

    public async Task<string> GetTokenAsync(string resource, string? tenantId, CancellationToken cancellationToken)
    {
        var request = _app.AcquireTokenForClient([ScopeOf(resource)]);
        if (!string.IsNullOrEmpty(tenantId))
        {
            request = request.WithTenantId(tenantId);
        }

        var result = await request.ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    // MSAL wants "<resource>/.default" for client credentials; the SDK appends it the same way.
    internal static string ScopeOf(string resource) =>
        resource.EndsWith("/.default", StringComparison.OrdinalIgnoreCase) ? resource : resource.TrimEnd('/') + "/.default";
}
