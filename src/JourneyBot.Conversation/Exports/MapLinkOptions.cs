namespace JourneyBot.Conversation.Exports;

/// <summary>Where the full map is served and how its links are signed (section <c>MapLinks</c>).</summary>
public sealed class MapLinkOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "MapLinks";

    /// <summary>The bot's public origin, e.g. <c>https://journeybot.azurewebsites.net</c>. Empty: no links.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The HMAC key (base64, at least 32 bytes), the same on every instance. Empty: no links.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a link works.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(30);
}
