using JourneyBot.Testing;

namespace JourneyBot.Web.Tests;

/// <summary>A recording connector shared by the tests of one class (they run one at a time).</summary>
public sealed class ConnectorFixture : IAsyncLifetime
{
    public RecordingConnector Connector { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Connector = await RecordingConnector.StartAsync();

    public ValueTask DisposeAsync() => Connector.DisposeAsync();
}
