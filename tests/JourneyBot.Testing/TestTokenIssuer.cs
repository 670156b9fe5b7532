using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JourneyBot.Testing;

/// <summary>
/// A local stand-in for login.botframework.com and Entra ID: serves OpenID metadata and a JWKS
/// (with Bot Framework endorsements) on loopback, and mints tokens signed with its keys.
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    /// <summary>The issuer of channel tokens.</summary>
    public const string ChannelIssuer = "https://api.botframework.com";

    /// <summary>A Bot Framework tenant's Entra v1 issuer (Emulator tokens).</summary>
    public const string EntraV1Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";

    /// <summary>A Bot Framework tenant's Entra v2 issuer.</summary>
    public const string EntraV2Issuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";

    private readonly LoopbackServer _server;

    private TestTokenIssuer(LoopbackServer server) => _server = server;

    /// <summary>Published in the channel JWKS, endorsed for Teams and the Emulator's channels.</summary>
    public static TestSigningKey TeamsKey { get; } = new("teams-key", "msteams", "emulator", "webchat", "directline");

    /// <summary>Published in the channel JWKS, endorsed for Skype only.</summary>
    public static TestSigningKey SkypeOnlyKey { get; } = new("skype-key", "skype");

    /// <summary>Published in the channel JWKS without any endorsements.</summary>
    public static TestSigningKey UnendorsedKey { get; } = new("bare-key");

    /// <summary>Published in the channel JWKS as a certificate valid now, endorsed for Teams.</summary>
    public static TestSigningKey CertificateKey { get; } =
        TestSigningKey.WithCertificate("cert-key", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), "msteams");

    /// <summary>Published in the channel JWKS as a certificate that expired yesterday, endorsed for Teams.</summary>
    public static TestSigningKey ExpiredCertificateKey { get; } =
        TestSigningKey.WithCertificate("expired-cert-key", DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1), "msteams");

    /// <summary>Published in the Entra JWKS (no endorsements, as Entra keys have none).</summary>
    public static TestSigningKey EntraKey { get; } = new("entra-key");

    /// <summary>Never published: tokens signed with it must fail.</summary>
    public static TestSigningKey UnpublishedKey { get; } = new("teams-key", "msteams");

    /// <summary>The channel metadata address (for <c>ToBotFromChannelOpenIdMetadataUrl</c>).</summary>
    public string ChannelMetadataUrl => new Uri(_server.BaseAddress, "channel/v1/.well-known/openidconfiguration").ToString();

    /// <summary>The Entra metadata address (for <c>ToBotFromEmulatorOpenIdMetadataUrl</c>).</summary>
    public string EntraMetadataUrl => new Uri(_server.BaseAddress, "entra/v2.0/.well-known/openid-configuration").ToString();

    /// <summary>Starts the issuer on a free loopback port.</summary>
    public static async Task<TestTokenIssuer> StartAsync()
    {
        var server = await LoopbackServer.StartAsync(app =>
        {
            MapIssuer(app, "channel/v1/.well-known/openidconfiguration", "channel/keys", ChannelIssuer,
                [TeamsKey, SkypeOnlyKey, UnendorsedKey, CertificateKey, ExpiredCertificateKey]);
            MapIssuer(app, "entra/v2.0/.well-known/openid-configuration", "entra/keys", "https://login.microsoftonline.com/{tenantid}/v2.0",
                [EntraKey]);
        });
        return new TestTokenIssuer(server);
    }

    /// <summary>
    /// A token as Azure Bot Service sends it to a bot: issuer <see cref="ChannelIssuer"/>, audience
    /// the app id, a <c>serviceurl</c> claim, valid now for an hour. Every part can be changed.
    /// </summary>
    public static string ChannelToken(
        string audience,
        string? serviceUrl,
        TestSigningKey? key = null,
        string issuer = ChannelIssuer,
        DateTime? notBefore = null,
        DateTime? expires = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return Mint(issuer, audience, claims, key ?? TeamsKey, notBefore, expires, algorithm);
    }

    /// <summary>
    /// A token as the Emulator sends it: an Entra issuer, the calling app in <c>appid</c> (version
    /// 1.0, or no <c>ver</c> claim when <paramref name="version"/> is null) or <c>azp</c> (version
    /// 2.0), and the audience the caller asked for: by default the caller itself, as when the
    /// Emulator signs in with the bot's own app id.
    /// </summary>
    public static string EntraToken(string callerAppId, string? version, string issuer = EntraV1Issuer, string? serviceUrl = null,
        string? audience = null)
    {
        var claims = new Dictionary<string, object> { [version == "2.0" ? "azp" : "appid"] = callerAppId };
        if (version is not null)
        {
            claims["ver"] = version;
        }

        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return Mint(issuer, audience ?? callerAppId, claims, EntraKey, null, null, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>A token with <c>alg: none</c> and no signature.</summary>
    public static string UnsignedToken(string audience, string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow;
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(
            $$"""{"iss":"{{ChannelIssuer}}","aud":"{{audience}}","serviceurl":"{{serviceUrl}}","nbf":{{now.AddMinutes(-1).ToUnixTimeSeconds()}},"exp":{{now.AddHours(1).ToUnixTimeSeconds()}}}""");
        return $"{header}.{payload}.";
    }

    /// <summary>A token signed with a shared secret (HS256), which the Bot Framework never uses.</summary>
    public static string SymmetricToken(string audience, string serviceUrl)
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-shared-secret-of-at-least-32-bytes!!")) { KeyId = TeamsKey.KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ChannelIssuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string Mint(string issuer, string audience, Dictionary<string, object> claims, TestSigningKey key,
        DateTime? notBefore, DateTime? expires, string algorithm)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(key.Credentials.Key, algorithm),
        });
    }

    private static void MapIssuer(WebApplication app, string metadataPath, string keysPath, string issuer, TestSigningKey[] keys)
    {
        app.MapGet(metadataPath, (HttpContext http) =>
        {
            var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}/";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["jwks_uri"] = baseUrl + keysPath,
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            });
        });
        app.MapGet(keysPath, () => Results.Json(new { keys = keys.Select(k => k.ToJwk()) }));
    }
}
