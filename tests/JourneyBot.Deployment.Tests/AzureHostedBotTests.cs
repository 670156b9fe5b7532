using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using JourneyBot.Testing;

namespace JourneyBot.Deployment.Tests;

/// <summary>
/// The bot as <c>deployment/</c> runs it in Azure: exactly the app settings of the compiled
/// template, a user-assigned managed identity (App Service's identity endpoint, faked on loopback)
/// for both storage and connector tokens, Table Storage that takes bearer tokens only (Azurite on
/// HTTPS with OAuth), and inbound tokens checked. No account key and no client secret exist.
/// </summary>
public sealed class AzureHostedBotTests : IAsyncLifetime
{
    private const string TenantId = "a3c9e1f0-5b7d-4e2a-9c61-0d8f4b2e7a15";
    private const string IdentityClientId = "6e0b7f42-91d3-4c8a-b5e6-2f1a9d3c8e47";
    private const string TableName = "journeymaps";

    private readonly string _logs = RepoPaths.Artifacts("deployment");
    private X509Certificate2 _certificate = null!;
    private SecuredAzurite _storage = null!;
    private FakeManagedIdentityEndpoint _identity = null!;
    private RecordingConnector _connector = null!;
    private TestTokenIssuer _issuer = null!;
    private BotServer _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _certificate = LoopbackCertificate.Create();
        _storage = await Azurite.StartSecuredAsync(_certificate);
        _identity = await FakeManagedIdentityEndpoint.StartAsync(TenantId, IdentityClientId);
        _connector = await RecordingConnector.StartAsync();
        _issuer = await TestTokenIssuer.StartAsync();

        var port = FreePort.Next();
        var template = await Bicep.CompileMainAsync();
        var environment = AzureEnvironment(AppSettings.Of(template), port);
        _bot = await BotServer.StartConfiguredAsync(Path.Combine(_logs, $"bot-managed-identity-{port}.log"), environment, port);
    }

    public async ValueTask DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await _issuer.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
        await _storage.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task A_session_is_stored_and_answered_with_the_managed_identity_alone()
    {
        var response = await PostAsync(Activities.Message(_connector.ServiceUrl(), "start Runner onboarding", mentionBot: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _connector.WaitForAsync(r => r.Method == "POST", TimeSpan.FromSeconds(30));

        // Connector calls carry the identity's token for the Bot Framework, from App Service's endpoint.
        var connectorTokens = Issued("https://api.botframework.com");
        Assert.NotEmpty(connectorTokens);
        Assert.Contains(reply.Authorization, connectorTokens.Select(t => "Bearer " + t));

        // Storage was reached with the identity's token for Azure Storage: the map is in the table.
        Assert.NotEmpty(Issued("https://storage.azure.com"));
        var rows = await ReadTableAsync();
        Assert.Contains(rows, row => row.RowKey.StartsWith("c~", StringComparison.Ordinal));
        Assert.Contains(rows, row => row.GetString("Name")?.Contains("Runner onboarding", StringComparison.Ordinal) == true
            || row.Keys.Any(k => k.StartsWith("Doc", StringComparison.Ordinal) && row.GetString(k)?.Contains("Runner onboarding", StringComparison.Ordinal) == true));

        // Every request named the user-assigned identity and carried App Service's secret header.
        Assert.All(_identity.Requests, r =>
        {
            Assert.Equal(IdentityClientId, r.ClientId);
            Assert.Equal(_identity.Secret, r.IdentityHeader);
        });
    }

    [Fact]
    public async Task The_storage_here_refuses_requests_without_a_token_so_the_bot_cannot_have_used_a_key()
    {
        using var client = TrustingClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_storage.TableServiceUri + "/Tables"));
        request.Headers.Add("x-ms-version", "2019-02-02");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_request_without_a_valid_channel_token_is_refused_in_Azure_too()
    {
        var activity = Activities.Message(_connector.ServiceUrl(), "help");
        using var client = new HttpClient();
        using var content = new StringContent(activity.ToJson(), Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri(_bot.MessagesUrl), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>
    /// The template's settings, with the values Azure would resolve replaced by their local
    /// counterparts; literal values are kept as written. A setting added to the template without a
    /// local value here fails the test, so the two cannot drift apart.
    /// </summary>
    private Dictionary<string, string> AzureEnvironment(IReadOnlyDictionary<string, string> settings, int port)
    {
        var local = new Dictionary<string, string>
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = IdentityClientId,
            ["MicrosoftAppTenantId"] = TenantId,
            ["MicrosoftAppPassword"] = string.Empty,
            ["Storage__TableServiceUri"] = _storage.TableServiceUri.ToString(),
            ["Storage__TableName"] = TableName,
            ["Storage__ManagedIdentityClientId"] = IdentityClientId,
            ["MapLinks__BaseUrl"] = $"http://127.0.0.1:{port}",
            ["MapLinks__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        var environment = new Dictionary<string, string>();
        foreach (var (name, value) in settings)
        {
            environment[name] = AppSettings.IsExpression(value)
                ? local.TryGetValue(name, out var resolved) ? resolved : throw new InvalidOperationException($"The template sets '{name}', which this test has no local value for.")
                : value;
        }

        // What App Service provides to an app with a managed identity, and what only these tests need.
        environment["IDENTITY_ENDPOINT"] = _identity.Endpoint;
        environment["IDENTITY_HEADER"] = _identity.Secret;
        environment["ToBotFromChannelOpenIdMetadataUrl"] = _issuer.ChannelMetadataUrl;
        environment["ToBotFromEmulatorOpenIdMetadataUrl"] = _issuer.EntraMetadataUrl;
        // The bot trusts the local storage's certificate as it trusts Azure's: through the system's store.
        environment["SSL_CERT_FILE"] = LoopbackCertificate.WritePem(_certificate, _logs).CertificatePath;
        return environment;
    }

    private string[] Issued(string resource) =>
        [.. _identity.Requests.Where(r => r.Resource == resource && r.AccessToken is not null).Select(r => r.AccessToken!)];

    private async Task<HttpResponseMessage> PostAsync(JourneyBot.Protocol.Schema.Activity activity)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_bot.MessagesUrl))
        {
            Content = new StringContent(activity.ToJson(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokenIssuer.ChannelToken(IdentityClientId, activity.ServiceUrl));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<List<TableEntity>> ReadTableAsync()
    {
        var options = new TableClientOptions { Transport = new HttpClientTransport(TrustingClient()) };
        var table = new TableClient(_storage.TableServiceUri, TableName, new StaticCredential(_identity, IdentityClientId), options);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private HttpClient TrustingClient() => new(new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHashString() == _certificate.GetCertHashString() },
    });

    /// <summary>The test's own reader: a token from the same identity endpoint.</summary>
    private sealed class StaticCredential(FakeManagedIdentityEndpoint identity, string clientId) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            var expires = DateTimeOffset.UtcNow.AddMinutes(10);
            return new AccessToken(identity.TokenFor("https://storage.azure.com", clientId, expires), expires);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
