using System.Security.Cryptography;
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

    /// <summary>The <c>kid</c>.</summary>
    public string KeyId { get; }

    /// <summary>The channel ids listed for the key in the JWKS; empty for an Entra key.</summary>
    public IReadOnlyList<string> Endorsements { get; }

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
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements.Count > 0)
        {
            jwk["endorsements"] = Endorsements;
        }

        return jwk;
    }
}
