using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace JourneyBot.Testing;

/// <summary>An RSA key the test issuer signs with, and the channels it is endorsed for.</summary>
public sealed class TestSigningKey
{
    /// <summary>Creates a fresh 2048-bit key.</summary>
    public TestSigningKey(string keyId, params string[] endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        Rsa = RSA.Create(2048);
        Credentials = new SigningCredentials(new RsaSecurityKey(Rsa) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>
    /// A key published only as a self-signed certificate (<c>x5c</c>, no <c>n</c>/<c>e</c>) valid from
    /// <paramref name="notBefore"/> to <paramref name="notAfter"/>, as the Bot Framework publishes its keys.
    /// </summary>
    public static TestSigningKey WithCertificate(string keyId, DateTimeOffset notBefore, DateTimeOffset notAfter, params string[] endorsements)
    {
        var key = new TestSigningKey(keyId, endorsements);
        var request = new CertificateRequest($"CN={keyId}", key.Rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        key.Certificate = certificate.RawData;
        return key;
    }

    /// <summary>The <c>kid</c>.</summary>
    public string KeyId { get; }

    /// <summary>The channel ids listed for the key in the JWKS; empty for an Entra key.</summary>
    public IReadOnlyList<string> Endorsements { get; }

    /// <summary>The DER certificate published as <c>x5c</c> instead of the bare key; null for a bare key.</summary>
    public byte[]? Certificate { get; private set; }

    /// <summary>The private key.</summary>
    public RSA Rsa { get; }

    /// <summary>RS256 signing credentials.</summary>
    public SigningCredentials Credentials { get; }

    /// <summary>The public key as a JWKS entry, with <c>endorsements</c> when it has any.</summary>
    public Dictionary<string, object> ToJwk()
    {
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
        };
        if (Certificate is { } der)
        {
            jwk["x5c"] = new[] { Convert.ToBase64String(der) };
        }
        else
        {
            jwk["n"] = Base64UrlEncoder.Encode(parameters.Modulus);
            jwk["e"] = Base64UrlEncoder.Encode(parameters.Exponent);
        }

        if (Endorsements.Count > 0)
        {
            jwk["endorsements"] = Endorsements;
        }

        return jwk;
    }
}
