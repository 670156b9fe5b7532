using System.Net;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Sending;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>
/// Connector calls carry a token from MSAL client credentials, fetched from a local token endpoint
/// and reused until it expires, and only to connectors on <c>Connector:AllowedServiceHosts</c>.
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

    [Fact]
    public async Task A_validated_activity_naming_a_host_off_the_allow_list_is_refused_and_no_token_leaves()
    {
        await using var app = AppWithoutLoopback();
        var serviceUrl = _connector.ServiceUrl();

        // The channel token is valid and binds this very serviceUrl: only the host is wrong.
        var response = await app.PostActivityAsync(Activities.Message(serviceUrl, "help", mentionBot: true),
            TestTokenIssuer.ChannelToken(BotApp.AppId, serviceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_tokens.Requests);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task A_send_to_a_stored_service_url_off_the_allow_list_fails_before_a_token_is_asked_for()
    {
        await using var app = AppWithoutLoopback();
        var chat = ConversationReference.ForConversation(_connector.ServiceUrl(), "a:1on1-megan");

        var error = await Assert.ThrowsAsync<ConnectorException>(() => app.Services.GetRequiredService<ProactiveSends>()
            .SendAsync(chat, new Activity { Text = "Your round is due tomorrow." }, TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorException.ServiceUrlNotAllowed, error.ErrorCode);
        Assert.Empty(_tokens.Requests);
        Assert.Empty(_connector.Requests);
        var refused = Assert.Single(app.Logs.GetSnapshot(), r => r.Id.Id == 1120);
        Assert.Equal(_connector.BaseAddress.Host, refused.StructuredState!.Single(s => s.Key == "Host").Value);
    }

    [Fact]
    public async Task A_one_to_one_chat_is_not_started_on_a_host_off_the_allow_list()
    {
        await using var app = AppWithoutLoopback();
        var parameters = new ConversationParameters { Members = [new ChannelAccount { Id = "29:megan" }], TenantId = "contoso" };

        var error = await Assert.ThrowsAsync<ConnectorException>(() => app.Services.GetRequiredService<ConnectorClient>()
            .CreateConversationAsync(_connector.ServiceUrl(), parameters, TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorException.ServiceUrlNotAllowed, error.ErrorCode);
        Assert.Empty(_tokens.Requests);
        Assert.Empty(_connector.Requests);
    }

    // The recording connector then stands for "another host": loopback is no connector, as outside Development.
    private BotApp AppWithoutLoopback()
    {
        var settings = BotApp.WithAuthentication(_issuer, _tokens);
        settings["Connector:AllowLoopback"] = "false";
        return new BotApp(settings, BotApp.TrustingTokenService(_tokens));
    }

    private async Task PostHelpAsync(BotApp app)
    {
        var serviceUrl = _connector.ServiceUrl();
        var response = await app.PostActivityAsync(Activities.Message(serviceUrl, "help", mentionBot: true), TestTokenIssuer.ChannelToken(BotApp.AppId, serviceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
