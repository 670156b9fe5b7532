using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace JourneyBot.Conversation.Exports;

/// <summary>
/// Unguessable, expiring links to a map's full page and exports: the map's team, id and expiry,
/// signed with HMAC-SHA256. Nothing is stored, so every instance can check any link.
/// </summary>
public sealed class MapLinks(IOptions<MapLinkOptions> options, TimeProvider clock)
{
    private const int MinimumKeyBytes = 32;

    /// <summary>Whether links can be made (a base address and a key are configured).</summary>
    public bool Enabled => Key() is not null && Uri.TryCreate(options.Value.BaseUrl, UriKind.Absolute, out _);

    /// <summary>The link to the map's page (<c>/maps/{token}</c>; add <c>/json</c>, <c>/csv</c> or <c>/md</c> for exports), or null.</summary>
    public Uri? For(string teamKey, string mapId)
    {
        ArgumentNullException.ThrowIfNull(teamKey);
        ArgumentNullException.ThrowIfNull(mapId);
        if (!Enabled)
        {
            return null;
        }

        var expires = clock.GetUtcNow().Add(options.Value.Lifetime).ToUnixTimeSeconds();
        var payload = $"{Encode(teamKey)}.{Encode(mapId)}.{expires.ToString(CultureInfo.InvariantCulture)}";
        var token = payload + "." + Convert.ToBase64String(Sign(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new Uri(new Uri(options.Value.BaseUrl!.TrimEnd('/') + "/"), "maps/" + token);
    }

    /// <summary>Reads a token: its map when the signature holds and it has not expired.</summary>
    public MapLinkCheck Check(string token)
    {
        var parts = (token ?? string.Empty).Split('.');
        if (!Enabled || parts.Length != 4
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || Decode(parts[3]) is not { } signature
            || !CryptographicOperations.FixedTimeEquals(signature, Sign($"{parts[0]}.{parts[1]}.{parts[2]}"))
            || DecodeText(parts[0]) is not { } team || DecodeText(parts[1]) is not { } map)
        {
            return new MapLinkCheck(MapLinkStatus.Invalid, null, null);
        }

        return clock.GetUtcNow().ToUnixTimeSeconds() > expires
            ? new MapLinkCheck(MapLinkStatus.Expired, null, null)
            : new MapLinkCheck(MapLinkStatus.Valid, team, map);
    }

    private byte[] Sign(string payload) => HMACSHA256.HashData(Key()!, Encoding.UTF8.GetBytes(payload));

    private byte[]? Key()
    {
        try
        {
            var key = Convert.FromBase64String(options.Value.SigningKey ?? string.Empty);
            return key.Length >= MinimumKeyBytes ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Encode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

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
public sealed record MapLinkCheck(MapLinkStatus Status, string? TeamKey, string? MapId);

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
