namespace JourneyBot.Protocol.Connector;

/// <summary>
/// App-only access tokens of the bot's own identity (its client secret, or its managed identity):
/// for the connector, and for whatever else the bot calls as itself, such as Microsoft Graph.
/// Available when the bot has an app id (<see cref="Configuration.BotFrameworkOptions.IsAuthenticationEnabled"/>).
/// </summary>
public interface IAppTokenProvider
{
    /// <summary>
    /// A valid token for <paramref name="resource"/> (e.g. <c>https://api.botframework.com</c>),
    /// from the cache while it lasts. <paramref name="tenantId"/>, when given, is the directory
    /// that issues it: a MultiTenant app's token for a customer's tenant. Null: the app's own
    /// authority. A managed identity gets tokens in its own tenant only and ignores it.
    /// </summary>
    Task<string> GetTokenAsync(string resource, string? tenantId, CancellationToken cancellationToken);
}
