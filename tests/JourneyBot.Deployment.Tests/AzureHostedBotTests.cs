using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JourneyBot.Testing;

namespace JourneyBot.Deployment.Tests;

/// <summary>
/// The bot as <c>deployment/</c> runs it in Azure: exactly the app settings of the compiled
/// template, a user-assigned managed identity (App Service's identity endpoint, faked on loopback)
/// for both storage and connector tokens, Table Storage that takes bearer tokens only (Azurite on
/// HTTPS with OAuth), and inbound tokens checked. No account key and no client secret exist.
/// </summary>
public sealed class AzureHostedBotTests(AzureHostedBot hosted) : IClassFixture<AzureHostedBot>
{
    [Fact]
    public async Task A_session_is_stored_and_answered_with_the_managed_identity_alone()
    {
        var response = await hosted.PostAsync(Activities.Message(hosted.Connector.ServiceUrl(), "start Runner onboarding", mentionBot: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await hosted.Connector.WaitForAsync(r => r.Method == "POST", TimeSpan.FromSeconds(30));

        // Connector calls carry the identity's token for the Bot Framework, from App Service's endpoint.
        var connectorTokens = hosted.Issued("https://api.botframework.com");
        Assert.NotEmpty(connectorTokens);
        Assert.Contains(reply.Authorization, connectorTokens.Select(t => "Bearer " + t));

        // Storage was reached with the identity's token for Azure Storage: the map is in the table.
        Assert.NotEmpty(hosted.Issued("https://storage.azure.com"));
        var rows = await hosted.ReadTableAsync();
        Assert.Contains(rows, row => row.RowKey.StartsWith("c~", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.GetString("Name")?.Contains("Runner onboarding", StringComparison.Ordinal) == true
            || row.Keys.Any(k => k.StartsWith("Doc", StringComparison.Ordinal) && row.GetString(k)?.Contains("Runner onboarding", StringComparison.Ordinal) == true));

        // Every request carried App Service's secret header and named the identity meant for its
        // resource: the bot's for the Bot Framework, the data identity for storage, never the other.
        Assert.All(hosted.Identity.Requests, r =>
        {
            Assert.Equal(hosted.Identity.Secret, r.IdentityHeader);
            Assert.Equal(r.Resource == "https://storage.azure.com" ? AzureHostedBot.DataIdentityClientId : AzureHostedBot.IdentityClientId, r.ClientId);
        });
        Assert.Contains(hosted.Identity.Requests, r => r.ClientId == AzureHostedBot.DataIdentityClientId);
    }

    [Fact]
    public async Task An_https_request_through_App_Services_front_end_gets_HSTS()
    {
        // App Service ends TLS and forwards http with X-Forwarded-Proto; it adds no HSTS header itself.
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(hosted.Bot.BaseAddress, "/healthz"));
        request.Headers.Host = "journeybot-test.azurewebsites.net";
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Matches(@"^max-age=\d+", hsts);
        Assert.True(int.Parse(hsts["max-age=".Length..].Split(';')[0], System.Globalization.CultureInfo.InvariantCulture) >= 365 * 24 * 3600,
            $"HSTS should last at least a year: {hsts}");
    }

    [Fact]
    public async Task The_storage_here_refuses_requests_without_a_token_so_the_bot_cannot_have_used_a_key()
    {
        using var client = hosted.TrustingClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(hosted.Storage.TableServiceUri + "/Tables"));
        request.Headers.Add("x-ms-version", "2019-02-02");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_request_without_a_valid_channel_token_is_refused_in_Azure_too()
    {
        var activity = Activities.Message(hosted.Connector.ServiceUrl(), "help");
        using var client = new HttpClient();
        using var content = new StringContent(activity.ToJson(), Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri(hosted.Bot.MessagesUrl), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
