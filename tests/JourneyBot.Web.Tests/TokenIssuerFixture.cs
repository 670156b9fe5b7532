using JourneyBot.Testing;

namespace JourneyBot.Web.Tests;

/// <summary>
/// A local token issuer, token service and recording connector shared by the tests of one class,
/// for hosts with authentication on (see <see cref="BotApp.WithAuthentication"/>).
/// </summary>
public class TokenIssuerFixture : IAsyncLifetime
{
    public TestTokenIssuer Issuer { get; private set; } = null!;
    public TestTokenService Tokens { get; private set; } = null!;
    public RecordingConnector Connector { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Issuer = await TestTokenIssuer.StartAsync();
        Tokens = await TestTokenService.StartAsync();
        Connector = await RecordingConnector.StartAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        await Tokens.DisposeAsync();
        await Issuer.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
