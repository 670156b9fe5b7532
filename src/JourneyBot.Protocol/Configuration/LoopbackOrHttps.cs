using System.Net;

namespace JourneyBot.Protocol.Configuration;

/// <summary>The one rule for addresses the bot fetches secrets or keys from, or sends its tokens to.</summary>
public static class LoopbackOrHttps
{
    /// <summary>Whether <paramref name="value"/> is an absolute https address, or http on loopback (for tests).</summary>
    public static bool IsAllowed(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)));

    /// <summary>Whether <paramref name="uri"/> names this machine (localhost, 127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
}
