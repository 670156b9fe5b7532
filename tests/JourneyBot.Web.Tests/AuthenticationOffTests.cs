using System.Net;
using JourneyBot.Testing;

namespace JourneyBot.Web.Tests;

/// <summary>Without an app id, authentication is off for requests without a token only.</summary>
public sealed class AuthenticationOffTests : IAsyncLifetime
{
    private TestTokenIssuer _issuer = null!;
    private RecordingConnector _connector = null!;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _connector = await RecordingConnector.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task A_request_that_carries_a_token_is_still_validated_and_refused()
    {
        // The metadata is local so that validation runs for real without leaving the machine.
        await using var app = new BotApp(new Dictionary<string, string?>
        {
            ["ToBotFromChannelOpenIdMetadataUrl"] = _issuer.ChannelMetadataUrl,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = _issuer.EntraMetadataUrl,
        });
        var serviceUrl = _connector.ServiceUrl();

        var withToken = await app.PostActivityAsync(Activities.Message(serviceUrl, "help"), TestTokenIssuer.ChannelToken(BotApp.AppId, serviceUrl));
        var withoutToken = await app.PostActivityAsync(Activities.Message(serviceUrl, "help", mentionBot: true));

        Assert.Equal(HttpStatusCode.Unauthorized, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withoutToken.StatusCode);
        Assert.Single(_connector.Requests);
        Assert.Null(_connector.Requests[0].Authorization);
    }
}
