using System.Net.Http.Headers;
using JourneyBot.Protocol.Configuration;
using Microsoft.Extensions.Options;

namespace JourneyBot.Protocol.Connector;

/// <summary>
/// Adds the bot's bearer token to every connector call. Registered only when the bot has an app
/// id: without one (local development) the connector is called without a token, as the SDK does.
/// </summary>
internal sealed class ConnectorAuthenticationHandler(IAppTokenProvider tokens, IOptions<BotFrameworkOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(options.Value.ToChannelFromBotOAuthScope, tenantId: null, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}
