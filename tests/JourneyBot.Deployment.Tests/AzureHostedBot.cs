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
/// The bot as <c>deployment/</c> runs it in Azure, started once for the tests that look at it:
/// exactly the app settings of the compiled template, a user-assigned managed identity (App
/// Service's identity endpoint, faked on loopback) for both storage and connector tokens, Table
/// Storage that takes bearer tokens only (Azurite on HTTPS with OAuth), and inbound tokens checked.
/// </summary>
public sealed class AzureHostedBot : IAsyncLifetime
{
    /// <summary>The client id of the bot's user-assigned identity, which is also its app id.</summary>
    public const string IdentityClientId = "6e0b7f42-91d3-4c8a-b5e6-2f1a9d3c8e47";

    /// <summary>The client id of the data identity, which reaches storage (and, in Azure, the vault).</summary>
    public const string DataIdentityClientId = "c41d8e07-3a5f-4b92-8e6d-95f0a7b2c318";

    private const string TenantId = "a3c9e1f0-5b7d-4e2a-9c61-0d8f4b2e7a15";
    private const string TableName = "journeymaps";

    private readonly string _logs = RepoPaths.Artifacts("deployment");
    private X509Certificate2 _certificate = null!;
    private TestTokenIssuer _issuer = null!;

    /// <summary>Table storage that takes bearer tokens only.</summary>
    public AzuriteInstance Storage { get; private set; } = null!;

    /// <summary>App Service's managed identity endpoint, faked.</summary>
    public FakeManagedIdentityEndpoint Identity { get; private set; } = null!;

    /// <summary>The connector the bot replies to.</summary>
    public RecordingConnector Connector { get; private set; } = null!;

    /// <summary>The bot, configured as the template configures it.</summary>
    public BotServer Bot { get; private set; } = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _certificate = LoopbackCertificate.Create();
        Storage = await Azurite.StartSecuredAsync(_certificate);
        Identity = await FakeManagedIdentityEndpoint.StartAsync(TenantId, IdentityClientId, DataIdentityClientId);
        Connector = await RecordingConnector.StartAsync();
        _issuer = await TestTokenIssuer.StartAsync();

        var port = FreePort.Next();
        var template = await Bicep.MainTemplateAsync();
        var environment = AzureEnvironment(AppSettings.Of(template), port);
        Bot = await BotServer.StartConfiguredAsync(Path.Combine(_logs, $"bot-managed-identity-{port}.log"), environment, port);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        await _issuer.DisposeAsync();
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
        await Storage.DisposeAsync();
        _certificate.Dispose();
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
            ["Storage__TableServiceUri"] = Storage.TableServiceUri.ToString(),
            ["Storage__TableName"] = TableName,
            ["Storage__ManagedIdentityClientId"] = DataIdentityClientId,
            ["MapLinks__BaseUrl"] = $"http://127.0.0.1:{port}",
            // What App Service puts in place of the Key Vault references: the keys themselves.
            ["MapLinks__SigningKeys__0"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["MapLinks__SigningKeys__1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // As deployed by default: departments are asked, not read from Graph, and actions stay out of Planner.
            ["Graph__Enabled"] = "false",
            ["Planner__Enabled"] = "false",
            // The template's instance count (string(instanceCount)): one instance here.
            ["ConnectorPacing__Instances"] = "1",
            // Empty: telemetry stays off, since tests talk to no Azure endpoint.
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = string.Empty,
        };
        var environment = new Dictionary<string, string>();
        foreach (var (name, value) in settings)
        {
            environment[name] = AppSettings.IsExpression(value)
                ? local.TryGetValue(name, out var resolved) ? resolved : throw new InvalidOperationException($"The template sets '{name}', which this test has no local value for.")
                : value;
        }

        // What App Service provides to an app with a managed identity, and what only these tests need.
        environment["IDENTITY_ENDPOINT"] = Identity.Endpoint;
        environment["IDENTITY_HEADER"] = Identity.Secret;
        environment["ToBotFromChannelOpenIdMetadataUrl"] = _issuer.ChannelMetadataUrl;
        environment["ToBotFromEmulatorOpenIdMetadataUrl"] = _issuer.EntraMetadataUrl;
        // The recording connector is on loopback, which outside Development is no connector unless said.
        environment["Connector__AllowLoopback"] = "true";
        // The bot trusts the local storage's certificate as it trusts Azure's: through the system's store.
        environment["SSL_CERT_FILE"] = LoopbackCertificate.WritePem(_certificate, _logs).CertificatePath;
        return environment;
    }

    /// <summary>The tokens the identity endpoint issued for <paramref name="resource"/>.</summary>
    public string[] Issued(string resource) =>
        [.. Identity.Requests.Where(r => r.Resource == resource && r.AccessToken is not null).Select(r => r.AccessToken!)];

    /// <summary>Posts <paramref name="activity"/> with a valid channel token for the bot.</summary>
    public async Task<HttpResponseMessage> PostAsync(JourneyBot.Protocol.Schema.Activity activity)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Bot.MessagesUrl))
        {
            Content = new StringContent(activity.ToJson(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokenIssuer.ChannelToken(IdentityClientId, activity.ServiceUrl));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Every row of the bot's table, read with the identity's token.</summary>
    public async Task<List<TableEntity>> ReadTableAsync()
    {
        var options = new TableClientOptions { Transport = new HttpClientTransport(TrustingClient()) };
        var table = new TableClient(Storage.TableServiceUri, TableName, new StaticCredential(Identity, DataIdentityClientId), options);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A client that trusts the local storage's certificate, and only it.</summary>
    public HttpClient TrustingClient() => new(new SocketsHttpHandler
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
