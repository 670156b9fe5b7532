using System.Net;
using JourneyBot.Testing;

namespace JourneyBot.Web.Tests;

/// <summary>
/// Connector calls carry a token from MSAL client credentials, fetched from a local token endpoint
/// and reused until it expires.
/// </summary>
public sealed class OutboundTokenTests : IAsyncLifetime
{
    private TestTokenIssuer _issuer = null!;
    private TestTokenService _tokens = null!;
    private RecordingConnector _connector = null!;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _tokens = await TestTokenService.StartAsync();
        _connector = await RecordingConnector.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _tokens.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task One_token_is_fetched_with_client_credentials_and_reused_while_it_is_valid()
    {
        await using var app = new BotApp(BotApp.WithAuthentication(_issuer, _tokens), BotApp.TrustingTokenService(_tokens));

        await PostHelpAsync(app);
        await PostHelpAsync(app);
        await PostHelpAsync(app);

        var request = Assert.Single(_tokens.Requests);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", request.Path);
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.Equal(BotApp.AppId, request.Form["client_id"]);
        Assert.Equal("test-secret", request.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", request.Form["scope"]);
        Assert.Equal(3, _connector.Requests.Count);
        Assert.All(_connector.Requests, r => Assert.Equal("Bearer connector-token-1", r.Authorization));
    }

    [Fact]
    public async Task A_token_that_is_about_to_expire_is_not_reused()
    {
        // MSAL refreshes tokens that expire within five minutes; a one-minute token is never reused.
        _tokens.ExpiresInSeconds = 60;
        await using var app = new BotApp(BotApp.WithAuthentication(_issuer, _tokens), BotApp.TrustingTokenService(_tokens));

        await PostHelpAsync(app);
        await PostHelpAsync(app);

        Assert.Equal(2, _tokens.Requests.Count);
        Assert.Equal(["Bearer connector-token-1", "Bearer connector-token-2"], _connector.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_single_tenant_bot_gets_its_token_from_its_own_tenant()
    {
        var settings = BotApp.WithAuthentication(_issuer, _tokens);
        settings["MicrosoftAppType"] = "SingleTenant";
        settings["MicrosoftAppTenantId"] = "contoso-tenant";
        settings["ToChannelFromBotLoginUrl"] = _tokens.Authority("contoso-tenant");
        await using var app = new BotApp(settings, BotApp.TrustingTokenService(_tokens));

        await PostHelpAsync(app);

        Assert.Equal("/contoso-tenant/oauth2/v2.0/token", Assert.Single(_tokens.Requests).Path);
        Assert.Equal("Bearer connector-token-1", Assert.Single(_connector.Requests).Authorization);
    }

    private async Task PostHelpAsync(BotApp app)
    {
        var serviceUrl = _connector.ServiceUrl();
        var response = await app.PostActivityAsync(Activities.Message(serviceUrl, "help", mentionBot: true), TestTokenIssuer.ChannelToken(BotApp.AppId, serviceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
