namespace JourneyBot.Conversation.Exports;

/// <summary>Where the full map is served and how its links are signed (section <c>MapLinks</c>).</summary>
/// <remarks>
/// Rotating the key: put the new key first in <see cref="SigningKeys"/> and the old one second, on
/// every instance; links made with either work. Once <see cref="Lifetime"/> has passed, every link
/// made with the old key has expired: remove it.
/// </remarks>
public sealed class MapLinkOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "MapLinks";

    /// <summary>The most keys accepted at once: the current one and the previous one.</summary>
    public const int MaxSigningKeys = 2;

    /// <summary>The bot's public origin, e.g. <c>https://journeybot.azurewebsites.net</c>. Empty: no links.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// The HMAC keys (base64, at least 32 bytes each), the same on every instance: the first signs new
    /// links, the second (the previous key, while links it signed may still be open) is accepted too.
    /// Each link names its key by a fingerprint. Empty (and no <see cref="SigningKey"/>): no links.
    /// </summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>A single key, as settings before key rotation named it; used only when <see cref="SigningKeys"/> is empty.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a link works.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The configured keys, current first: <see cref="SigningKeys"/>, or else <see cref="SigningKey"/>.</summary>
    public IReadOnlyList<string> Keys() =>
        SigningKeys.Count > 0 ? SigningKeys : string.IsNullOrEmpty(SigningKey) ? [] : [SigningKey];
}
