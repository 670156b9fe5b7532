using JourneyBot.Testing;

namespace JourneyBot.Web.Tests;

/// <summary>
/// What a test of the bot calling Microsoft Graph runs against, each on loopback: the channel's
/// token issuer, the token service the bot gets its app tokens from, the connector and the fake Graph.
/// </summary>
public abstract class GraphServers : IAsyncLifetime
{
    protected TestTokenIssuer Issuer { get; private set; } = null!;

    protected TestTokenService Tokens { get; private set; } = null!;

    protected RecordingConnector Connector { get; private set; } = null!;

    protected FakeGraph Graph { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Issuer = await TestTokenIssuer.StartAsync();
        Tokens = await TestTokenService.StartAsync();
        Connector = await RecordingConnector.StartAsync();
        Graph = await FakeGraph.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Graph.DisposeAsync();
        await Connector.DisposeAsync();
        await Tokens.DisposeAsync();
        await Issuer.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
