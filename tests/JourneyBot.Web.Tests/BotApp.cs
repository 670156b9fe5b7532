using System.Net.Http.Headers;
using System.Text;
using JourneyBot.Protocol.Hosting;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Sending;
using JourneyBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Web.Tests;

/// <summary>
/// The real JourneyBot web host (Program) with test settings. Inbound requests go through the
/// in-memory test server; everything the bot calls (connector, metadata, tokens) is real HTTP
/// to loopback servers.
/// </summary>
public sealed class BotApp(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The key that signs map links in tests.</summary>
    public static readonly string TestLinkKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>The app id the tests configure when authentication is on.</summary>
    public const string AppId = "7d4d1b6a-2f4e-4a39-9d7b-1b1f1a2b3c4d";

    /// <summary>
    /// The host's environment: <c>Testing</c> unless a test needs the rules of another one
    /// (<c>Production</c>, <c>Development</c>) and says so.
    /// </summary>
    public string HostEnvironment { get; init; } = "Testing";

    /// <summary>Log lines the host wrote, for asserting what it logs (and what it never logs).</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <summary>
    /// Settings with authentication on: inbound tokens checked against <paramref name="issuer"/>'s
    /// metadata, outbound tokens from <paramref name="tokens"/> (never a real login endpoint).
    /// </summary>
    public static Dictionary<string, string?> WithAuthentication(TestTokenIssuer issuer, TestTokenService tokens) => new()
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "test-secret",
        ["ToBotFromChannelOpenIdMetadataUrl"] = issuer.ChannelMetadataUrl,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = issuer.EntraMetadataUrl,
        ["ToChannelFromBotLoginUrl"] = tokens.Authority(),
    };

    /// <summary>Lets the bot's MSAL client trust the local token service's certificate, and only it.</summary>
    public static Action<IServiceCollection> TrustingTokenService(TestTokenService tokens) => services =>
        services.AddHttpClient(BotHttpClients.Msal).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => tokens.IsOwnCertificate(certificate) },
        });

    /// <summary>
    /// Replaces the host's one clock by <paramref name="clock"/>, for tests that move time
    /// themselves. Pacing waits on that clock too: with the clock held still, every eighth send
    /// into a thread would wait for the test to move it, so pacing is off in such hosts (its own
    /// tests step a clock through its windows, see ConversationSendPacerTests).
    /// </summary>
    public static void UseClock(IServiceCollection services, TimeProvider clock)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(clock);
        services.Configure<SendPacingOptions>(o => (o.PerSecond, o.PerTwoSeconds, o.PerThirtySeconds) = (0, 0, 0));
    }

    /// <summary>Posts <paramref name="activity"/> to <c>/api/messages</c>, with a bearer token if given.</summary>
    public Task<HttpResponseMessage> PostActivityAsync(Activity activity, string? token = null) =>
        PostRawAsync(activity.ToJson(), token is null ? null : $"Bearer {token}");

    /// <summary>Posts any body with any Authorization header value, and waits for the sends that follow the answer.</summary>
    public async Task<HttpResponseMessage> PostRawAsync(string body, string? authorization = null)
    {
        var response = await PostWithoutWaitingForSendsAsync(body, authorization);
        await SendsAfterAnswerAsync();
        return response;
    }

    /// <summary>Posts and returns as soon as the HTTP answer is in, whatever the bot still has to send.</summary>
    public async Task<HttpResponseMessage> PostWithoutWaitingForSendsAsync(string body, string? authorization = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Waits until the bot has sent what the turns so far send after their answer (replies follow
    /// the HTTP answer), so that a test reads the connector as a member would see the thread.
    /// </summary>
    public Task SendsAfterAnswerAsync() =>
        Services.GetRequiredService<ConversationOutbox>().WhenIdleAsync(TestContext.Current.CancellationToken);

    /// <summary>
    /// Posts with the Authorization header exactly as given. HttpClient normalises header values,
    /// so this goes straight into the test server's request.
    /// </summary>
    public async Task<int> PostWithExactAuthorizationAsync(string body, string authorization)
    {
        var context = await Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = "/api/messages";
            http.Request.ContentType = "application/json";
            http.Request.Headers.Authorization = authorization;
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        }, TestContext.Current.CancellationToken);
        await SendsAfterAnswerAsync();
        return context.Response.StatusCode;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(HostEnvironment);
        // Every host stores its maps in Azurite, in a table of its own unless the test names one.
        var azurite = Azurite.SharedAsync().GetAwaiter().GetResult();
        var storage = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = azurite.ConnectionString,
            ["Storage:TableName"] = azurite.NewTableName(),
            ["MapLinks:BaseUrl"] = "http://localhost",
            ["MapLinks:SigningKey"] = TestLinkKey,

            // No scheduled work unless a test turns it on: a poll would count among its storage requests.
            ["Schedule:Enabled"] = "false",

            // Tests run in "Testing", outside Development: without an app id the host starts only
            // when anonymous use is explicit, and the recording connectors are on loopback.
            ["BotHost:AllowAnonymous"] = "true",
            ["Connector:AllowLoopback"] = "true",
        };
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(storage).AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureTestServices(s =>
        {
            // Connector retries in tests wait milliseconds, not seconds, unless a test says otherwise.
            s.PostConfigure<JourneyBot.Protocol.Connector.ConnectorRetryOptions>(o =>
            {
                if (!settings.ContainsKey("ConnectorRetry:BaseDelay"))
                {
                    o.BaseDelay = TimeSpan.FromMilliseconds(5);
                }
            });
            services?.Invoke(s);
        });
    }
}

/// <summary>Shorthands for reading responses.</summary>
public static class HttpAssertions
{
    /// <summary>The media type of a response, or null.</summary>
    public static string? MediaType(this HttpResponseMessage response) =>
        response.Content.Headers.ContentType is MediaTypeHeaderValue type ? type.MediaType : null;
}
