using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace JourneyBot.Testing;

/// <summary>One token request the bot made, with its form fields.</summary>
/// <param name="Path">The request path, e.g. <c>/botframework.com/oauth2/v2.0/token</c>.</param>
/// <param name="Form">The form fields (grant_type, client_id, client_secret, scope).</param>
public sealed record TokenRequest(string Path, IReadOnlyDictionary<string, string> Form);

/// <summary>
/// A local stand-in for the Entra token endpoint, over HTTPS (MSAL accepts nothing else) with a
/// self-signed certificate for 127.0.0.1 that only the bot's MSAL HttpClient is told to trust.
/// </summary>
public sealed class TestTokenService : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<TokenRequest> _requests = new();
    private int _issued;

    private TestTokenService(LoopbackServer server, X509Certificate2 certificate)
    {
        _server = server;
        Certificate = certificate;
    }

    /// <summary>The server's certificate; trust exactly this one.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The lifetime of the tokens it issues, in seconds.</summary>
    public int ExpiresInSeconds { get; set; } = 3600;

    /// <summary>The token requests received so far.</summary>
    public IReadOnlyList<TokenRequest> Requests => [.. _requests];

    /// <summary>The authority to configure as <c>ToChannelFromBotLoginUrl</c>, for <paramref name="tenant"/>.</summary>
    public string Authority(string tenant = "botframework.com") => new Uri(_server.BaseAddress, tenant).ToString();

    /// <summary>Starts the service on a free loopback port.</summary>
    public static async Task<TestTokenService> StartAsync()
    {
        var certificate = LoopbackCertificate.Create();
        TestTokenService? service = null;
        var server = await LoopbackServer.StartAsync(
            app => app.MapPost("{tenant}/oauth2/v2.0/token", (Delegate)((HttpContext http) => service!.IssueAsync(http))),
            certificate);
        service = new TestTokenService(server, certificate);
        return service;
    }

    /// <summary>Whether <paramref name="certificate"/> is this service's (for a validation callback).</summary>
    public bool IsOwnCertificate(X509Certificate? certificate) =>
        certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Certificate.Dispose();
    }

    private async Task<IResult> IssueAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        _requests.Enqueue(new TokenRequest(http.Request.Path, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
        var number = Interlocked.Increment(ref _issued);
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = ExpiresInSeconds,
            ["ext_expires_in"] = ExpiresInSeconds,
            ["access_token"] = $"connector-token-{number}",
        });
    }
}
