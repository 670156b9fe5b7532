using JourneyBot.Protocol.Hosting;
using Microsoft.Identity.Client;

namespace JourneyBot.Protocol.Connector;

/// <summary>
/// Gives MSAL its HttpClient from <see cref="IHttpClientFactory"/>, so connections are pooled
/// and handlers (and, in tests, a trusted local certificate) are configured in one place.
/// </summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => factory.CreateClient(BotHttpClients.Msal);
}
