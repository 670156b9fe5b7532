using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using JourneyBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JourneyBot.Deployment.Tests;

/// <summary>One token request made to the managed identity endpoint.</summary>
/// <param name="Resource">The resource asked for, e.g. <c>https://storage.azure.com</c>.</param>
/// <param name="ClientId">The user-assigned identity asked for.</param>
/// <param name="ApiVersion">The protocol version.</param>
/// <param name="IdentityHeader">The <c>X-IDENTITY-HEADER</c> the caller sent.</param>
/// <param name="AccessToken">The token handed out.</param>
public sealed record ManagedIdentityRequest(string Resource, string ClientId, string ApiVersion, string? IdentityHeader, string? AccessToken);

/// <summary>
/// A local stand-in for the managed identity endpoint App Service gives a web app (the address in
/// <c>IDENTITY_ENDPOINT</c>, guarded by the secret in <c>IDENTITY_HEADER</c>; protocol version
/// 2019-08-01). It hands out JWTs as Entra would for a user-assigned identity: issuer the tenant,
/// audience the resource. Storage emulated by Azurite checks exactly those.
/// </summary>
public sealed class FakeManagedIdentityEndpoint : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<ManagedIdentityRequest> _requests = new();
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "managed-identity-test-key" };

    private FakeManagedIdentityEndpoint(LoopbackServer server, string tenantId, string[] identities)
    {
        _server = server;
        TenantId = tenantId;
        Identities = identities;
    }

    /// <summary>The value of <c>IDENTITY_ENDPOINT</c>.</summary>
    public string Endpoint => new Uri(_server.BaseAddress, "msi/token").ToString();

    /// <summary>The value of <c>IDENTITY_HEADER</c>: requests without it are refused, as App Service does.</summary>
    public string Secret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The tenant the tokens are issued in.</summary>
    public string TenantId { get; }

    /// <summary>The client ids of the user-assigned identities attached to the "app".</summary>
    public IReadOnlyList<string> Identities { get; }

    /// <summary>Every request received, answered or not.</summary>
    public IReadOnlyList<ManagedIdentityRequest> Requests => [.. _requests];

    /// <summary>Starts the endpoint for the identities <paramref name="clientIds"/> of <paramref name="tenantId"/>.</summary>
    public static async Task<FakeManagedIdentityEndpoint> StartAsync(string tenantId, params string[] clientIds)
    {
        FakeManagedIdentityEndpoint? endpoint = null;
        var server = await LoopbackServer.StartAsync(app => app.MapGet("msi/token", (Delegate)((HttpContext http) => endpoint!.Issue(http))));
        endpoint = new FakeManagedIdentityEndpoint(server, tenantId, clientIds);
        return endpoint;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _key.Rsa.Dispose();
    }

    /// <summary>A token for <paramref name="resource"/> as this endpoint issues it to <paramref name="clientId"/>.</summary>
    public string TokenFor(string resource, string clientId, DateTimeOffset expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"https://sts.windows.net/{TenantId}/",
            Audience = resource,
            NotBefore = DateTime.UtcNow.AddMinutes(-5),
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object> { ["appid"] = clientId, ["tid"] = TenantId, ["idtyp"] = "app" },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });

    private IResult Issue(HttpContext http)
    {
        var query = http.Request.Query;
        var resource = query["resource"].ToString();
        var clientId = query["client_id"].ToString();
        var header = http.Request.Headers["X-IDENTITY-HEADER"].ToString();
        if (header != Secret || query["api-version"] != "2019-08-01" || resource.Length == 0)
        {
            _requests.Enqueue(new ManagedIdentityRequest(resource, clientId, query["api-version"].ToString(), header, null));
            return Results.Json(new { statusCode = 400, message = "Bad request" }, statusCode: StatusCodes.Status400BadRequest);
        }

        if (!Identities.Contains(clientId))
        {
            _requests.Enqueue(new ManagedIdentityRequest(resource, clientId, "2019-08-01", header, null));
            return Results.Json(new { statusCode = 400, message = "No User Assigned or Delegated Managed Identity found for specified ClientId." },
                statusCode: StatusCodes.Status400BadRequest);
        }

        var expires = DateTimeOffset.UtcNow.AddHours(1);
        var token = TokenFor(resource, clientId, expires);
        _requests.Enqueue(new ManagedIdentityRequest(resource, clientId, "2019-08-01", header, token));
        // App Service's answer: expires_on is a string of Unix seconds.
        return Results.Json(new Dictionary<string, string>
        {
            ["access_token"] = token,
            ["expires_on"] = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["resource"] = resource,
            ["token_type"] = "Bearer",
            ["client_id"] = clientId,
        });
    }
}
