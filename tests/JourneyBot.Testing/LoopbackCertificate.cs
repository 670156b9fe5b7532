using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace JourneyBot.Testing;

/// <summary>
/// Self-signed TLS certificates for 127.0.0.1, for local stand-ins of services that only speak
/// HTTPS (Entra's token endpoint for MSAL, Table Storage for bearer tokens). Trusted by nobody
/// unless a test says so.
/// </summary>
public static class LoopbackCertificate
{
    /// <summary>A new certificate for 127.0.0.1, valid for a day, with its private key.</summary>
    public static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs a key it can use for TLS; a PKCS#12 round trip gives it one.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), password: null);
    }

    /// <summary>
    /// Writes the certificate and its key as PEM files in <paramref name="folder"/>, for servers
    /// such as Azurite and for <c>SSL_CERT_FILE</c>, which makes a child process trust it.
    /// </summary>
    public static (string CertificatePath, string KeyPath) WritePem(X509Certificate2 certificate, string folder)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var name = certificate.Thumbprint[..12].ToLowerInvariant();
        var certificatePath = Path.Combine(folder, $"loopback-{name}.crt.pem");
        var keyPath = Path.Combine(folder, $"loopback-{name}.key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        using var key = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The certificate has no RSA private key.");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }
}
