using System.Net;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Sending;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>
/// The bot's token goes only to connectors on <c>Connector:AllowedServiceHosts</c>. Here the
/// recording connector stands for "another host": loopback is not allowed, as outside Development.
/// </summary>
public sealed class OutboundHostTests : IAsyncLifetime
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

    private BotApp NewApp()
    {
        var settings = BotApp.WithAuthentication(_issuer, _tokens);
        settings["Connector:AllowLoopback"] = "false";
        return new BotApp(settings, BotApp.TrustingTokenService(_tokens));
    }

    [Fact]
    public async Task A_validated_activity_naming_a_host_off_the_allow_list_is_refused_and_no_token_leaves()
    {
        await using var app = NewApp();
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
        await using var app = NewApp();
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
        await using var app = NewApp();
        var parameters = new ConversationParameters { Members = [new ChannelAccount { Id = "29:megan" }], TenantId = "contoso" };

        var error = await Assert.ThrowsAsync<ConnectorException>(() => app.Services.GetRequiredService<ConnectorClient>()
            .CreateConversationAsync(_connector.ServiceUrl(), parameters, TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorException.ServiceUrlNotAllowed, error.ErrorCode);
        Assert.Empty(_tokens.Requests);
        Assert.Empty(_connector.Requests);
    }
}
