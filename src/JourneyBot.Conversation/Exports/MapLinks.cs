using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace JourneyBot.Conversation.Exports;

/// <summary>
/// Unguessable, expiring links to a map's full page and exports: the signing key's fingerprint, the
/// map's team, id and published version, and the expiry, signed with HMAC-SHA256. Nothing is
/// stored, so every instance can check any link; the fingerprint lets the previous key still
/// check the links it signed while a new key is rolled out (<see cref="MapLinkOptions"/>).
/// </summary>
public sealed class MapLinks(IOptions<MapLinkOptions> options, TimeProvider clock)
{
    private const int MinimumKeyBytes = 32;
    private const int FingerprintBytes = 6;

    /// <summary>Whether links can be made (a base address and a key are configured).</summary>
    public bool Enabled => SigningKey() is not null && Uri.TryCreate(options.Value.BaseUrl, UriKind.Absolute, out _);

    /// <summary>
    /// The link to version <paramref name="version"/> of the map as published (0: the map as it is now,
    /// for maps published before versions were kept): its page is <c>/maps/{token}</c>; add <c>/json</c>,
    /// <c>/csv</c> or <c>/md</c> for exports. Null when links are off.
    /// </summary>
    public Uri? For(string teamKey, string mapId, int version)
    {
        ArgumentNullException.ThrowIfNull(teamKey);
        ArgumentNullException.ThrowIfNull(mapId);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        if (!Enabled)
        {
            return null;
        }

        var key = SigningKey()!;
        var expires = clock.GetUtcNow().Add(options.Value.Lifetime).ToUnixTimeSeconds();
        var payload = string.Join('.', Fingerprint(key), Encode(teamKey), Encode(mapId),
            version.ToString(CultureInfo.InvariantCulture), expires.ToString(CultureInfo.InvariantCulture));
        var token = payload + "." + Encode(Sign(key, payload));
        return new Uri(new Uri(options.Value.BaseUrl!.TrimEnd('/') + "/"), "maps/" + token);
    }

    /// <summary>Reads a token: its map when a configured key signed it and it has not expired.</summary>
    public MapLinkCheck Check(string token)
    {
        var parts = (token ?? string.Empty).Split('.');
        if (!Enabled || parts.Length != 6
            || KeyFor(parts[0]) is not { } key
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || Decode(parts[5]) is not { } signature
            || !CryptographicOperations.FixedTimeEquals(signature, Sign(key, string.Join('.', parts[..5])))
            || DecodeText(parts[1]) is not { } team || DecodeText(parts[2]) is not { } map)
        {
            return MapLinkCheck.Invalid;
        }

        return clock.GetUtcNow().ToUnixTimeSeconds() > expires
            ? new MapLinkCheck(MapLinkStatus.Expired, null, null)
            : new MapLinkCheck(MapLinkStatus.Valid, team, map, version);
    }

    private static byte[] Sign(byte[] key, string payload) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload));

    // Names a key without revealing it: the start of its SHA-256.
    private static string Fingerprint(byte[] key) => Encode(SHA256.HashData(key).AsSpan(0, FingerprintBytes));

    private byte[]? SigningKey() => Keys().FirstOrDefault();

    private byte[]? KeyFor(string fingerprint) =>
        Keys().FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Fingerprint(k)), Encoding.ASCII.GetBytes(fingerprint)));

    // The usable keys, current first; a malformed or short one is left out (start-up validation names it).
    private List<byte[]> Keys() =>
        [.. options.Value.Keys().Take(MapLinkOptions.MaxSigningKeys).Select(Parse).OfType<byte[]>()];

    /// <summary>The key in <paramref name="base64"/>, or null when it is not base64 of at least 32 bytes.</summary>
    public static byte[]? Parse(string? base64)
    {
        try
        {
            var key = Convert.FromBase64String(base64 ?? string.Empty);
            return key.Length >= MinimumKeyBytes ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));

    private static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? Decode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? DecodeText(string text) => Decode(text) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
}

/// <summary>What a link says.</summary>
/// <param name="Status">Whether it holds.</param>
/// <param name="TeamKey">The map's team, when valid.</param>
/// <param name="MapId">The map, when valid.</param>
/// <param name="Version">The published version it shows, when valid; 0 for the map as it is now.</param>
public sealed record MapLinkCheck(MapLinkStatus Status, string? TeamKey, string? MapId, int Version = 0)
{
    /// <summary>Not a link this bot made.</summary>
    public static MapLinkCheck Invalid { get; } = new(MapLinkStatus.Invalid, null, null);
}

/// <summary>The verdict on a link.</summary>
public enum MapLinkStatus
{
    /// <summary>Signed by this bot and not expired.</summary>
    Valid,

    /// <summary>Signed by this bot, but too old.</summary>
    Expired,

    /// <summary>Not a link this bot made (or links are off).</summary>
    Invalid,
}
