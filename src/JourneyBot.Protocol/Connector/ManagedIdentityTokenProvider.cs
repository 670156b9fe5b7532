using JourneyBot.Protocol.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace JourneyBot.Protocol.Connector;

/// <summary>
/// Tokens for UserAssignedMSI bots: MSAL's managed identity client for the identity whose client
/// id is the bot's app id. No secret exists anywhere.
/// </summary>
internal sealed class ManagedIdentityTokenProvider : IAppTokenProvider
{
    private readonly IManagedIdentityApplication _app;

    public ManagedIdentityTokenProvider(IOptions<BotFrameworkOptions> options, IMsalHttpClientFactory httpClientFactory)
    {
        var bot = options.Value;
        _app = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(bot.MicrosoftAppId))
            .WithHttpClientFactory(httpClientFactory)
            .Build();
    }

    // A managed identity lives in one tenant, which issues all its tokens.
    public async Task<string> GetTokenAsync(string resource, string? tenantId, CancellationToken cancellationToken)
    {
        var result = await _app.AcquireTokenForManagedIdentity(resource).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}
