namespace JourneyBot.Protocol.Connector;

/// <summary>Gets the bearer token the bot presents to the connector.</summary>
internal interface IConnectorTokenProvider
{
    /// <summary>A valid access token, from the cache while it lasts.</summary>
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}
