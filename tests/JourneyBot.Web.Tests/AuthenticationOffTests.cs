using System.Net;
using JourneyBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Tests;

/// <summary>
/// Without an app id, authentication is off for requests without a token only; outside
/// Development only when said explicitly, and answers go to this machine only.
/// </summary>
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

    [Fact]
    public async Task Without_an_app_id_a_production_host_does_not_start()
    {
        await using var app = new BotApp(new Dictionary<string, string?> { ["BotHost:AllowAnonymous"] = "false" });
        await using var production = app.WithWebHostBuilder(web => web.UseEnvironment(Environments.Production));

        var error = Assert.Throws<OptionsValidationException>(() => production.Services);

        Assert.Contains("BotHost:AllowAnonymous", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_app_id_a_production_host_starts_when_anonymous_use_is_allowed_explicitly()
    {
        await using var app = new BotApp(new Dictionary<string, string?> { ["BotHost:AllowAnonymous"] = "true" });
        await using var production = app.WithWebHostBuilder(web => web.UseEnvironment(Environments.Production));

        using var client = production.CreateClient();
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("http://10.0.0.1/")]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    public async Task Without_authentication_a_service_url_off_this_machine_is_refused(string serviceUrl)
    {
        await using var app = new BotApp(new Dictionary<string, string?>());

        // Not waiting for sends: were the activity taken, its reply would go off this machine.
        var response = await app.PostWithoutWaitingForSendsAsync(Activities.Message(serviceUrl, "help", mentionBot: true).ToJson());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
