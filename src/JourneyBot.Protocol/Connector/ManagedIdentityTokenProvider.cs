using JourneyBot.Protocol.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace JourneyBot.Protocol.Connector;

/// <summary>
/// Connector tokens for UserAssignedMSI bots: MSAL's managed identity client for the identity
/// whose client id is the bot's app id. No secret exists anywhere.
/// </summary>
internal sealed class ManagedIdentityTokenProvider : IConnectorTokenProvider
{
    private readonly IManagedIdentityApplication _app;
    private readonly string _resource;

    public ManagedIdentityTokenProvider(IOptions<BotFrameworkOptions> options, IMsalHttpClientFactory httpClientFactory)
    {
        var bot = options.Value;
        _app = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(bot.MicrosoftAppId))
            .WithHttpClientFactory(httpClientFactory)
            .Build();
        _resource = bot.ToChannelFromBotOAuthScope;
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await _app.AcquireTokenForManagedIdentity(_resource).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}
