namespace JourneyBot.Protocol.Connector;

/// <summary>Which connectors the bot sends to, and so hands its bearer token to (section <c>Connector</c>).</summary>
/// <remarks>
/// An activity names the connector its answers go to (<c>serviceUrl</c>). The channel token binds
/// that address, but only this list says which hosts are connectors at all: without it, any
/// token the bot accepts could send its own connector token to any host.
/// </remarks>
public sealed class ConnectorOptions
{
    /// <summary>
    /// Hosts the bot sends to, over https only: a host name (<c>smba.trafficmanager.net</c>) or
    /// <c>*.</c> and a domain for any host under it (<c>*.botframework.com</c>). Empty: the Teams
    /// connectors of the public and US government clouds and <c>*.botframework.com</c>
    /// (<see cref="ServiceUrlPolicy.DefaultHosts"/>). A list set here replaces that one.
    /// </summary>
    public IList<string> AllowedServiceHosts { get; } = [];

    /// <summary>
    /// Whether connectors on this machine (http or https, e.g. Agents Playground or a test's
    /// recording connector) are allowed beside the list. Unset: in Development only. Without an
    /// app id only loopback is ever allowed, whatever this says.
    /// </summary>
    public bool? AllowLoopback { get; set; }
}
