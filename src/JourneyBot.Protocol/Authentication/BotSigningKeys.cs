using System.Collections;
using System.Text.Json;
using JourneyBot.Protocol.Configuration;
using JourneyBot.Protocol.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace JourneyBot.Protocol.Authentication;

/// <summary>
/// The signing keys of the two issuer families, each from its own OpenID metadata, cached and
/// refreshed by <see cref="ConfigurationManager{T}"/> (every 12 hours, or sooner on an unknown key).
/// </summary>
/// <remarks>
/// A key from one family never verifies a token from the other: a channel token is checked only
/// against the Bot Framework's keys. The endorsements are read from the same JWKS document
/// (<c>keys[].endorsements</c>), which IdentityModel keeps as additional data on each key.
/// </remarks>
internal sealed class BotSigningKeys
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _channel;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _entra;

    /// <summary>Creates the key sources from the configured metadata addresses.</summary>
    public BotSigningKeys(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _channel = Create(options.Value.ToBotFromChannelOpenIdMetadataUrl, httpClientFactory);
        _entra = Create(options.Value.ToBotFromEmulatorOpenIdMetadataUrl, httpClientFactory);
    }

    /// <summary>The current keys of <paramref name="source"/>.</summary>
    public async Task<SigningKeySet> GetAsync(TokenSource source, CancellationToken cancellationToken)
    {
        var configuration = await Manager(source).GetConfigurationAsync(cancellationToken);
        var endorsements = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        foreach (var key in configuration.JsonWebKeySet?.Keys ?? [])
        {
            if (key.Kid is { } kid && ReadEndorsements(key) is { } channels)
            {
                endorsements[kid] = channels;
            }
        }

        return new SigningKeySet([.. configuration.SigningKeys], endorsements);
    }

    /// <summary>Asks for fresh metadata at the next <see cref="GetAsync"/> (rate-limited by the manager).</summary>
    public void RequestRefresh(TokenSource source) => Manager(source).RequestRefresh();

    private ConfigurationManager<OpenIdConnectConfiguration> Manager(TokenSource source) =>
        source == TokenSource.Channel ? _channel : _entra;

    private static ConfigurationManager<OpenIdConnectConfiguration> Create(string metadataUrl, IHttpClientFactory factory)
    {
        var retriever = new HttpDocumentRetriever(factory.CreateClient(BotHttpClients.OpenIdMetadata))
        {
            // The validator has already refused plain http anywhere but loopback.
            RequireHttps = !LoopbackOrHttps.IsLoopback(new Uri(metadataUrl)),
        };
        return new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    private static string[]? ReadEndorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return null;
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array =>
                [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            string single => [single],
            IEnumerable items => [.. items.OfType<object>().Select(i => i.ToString()!).Where(s => s.Length > 0)],
            _ => null,
        };
    }
}
