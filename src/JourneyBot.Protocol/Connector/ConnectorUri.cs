namespace JourneyBot.Protocol.Connector;

/// <summary>Builds connector addresses from a channel's service URL.</summary>
/// <remarks>
/// Teams service URLs carry a path (<c>https://smba.trafficmanager.net/teams/</c>), so the
/// <c>v3/…</c> path is resolved relative to a base that ends in <c>/</c>; an absolute
/// <c>/v3/…</c> would drop the path. Ids are escaped as data: Teams ids contain <c>:</c>,
/// <c>;</c>, <c>@</c> and <c>=</c>.
/// </remarks>
internal static class ConnectorUri
{
    /// <summary>
    /// The absolute address of <paramref name="segments"/> (each escaped) under
    /// <paramref name="serviceUrl"/>, e.g. <c>("v3", "conversations", id, "activities")</c>.
    /// </summary>
    public static Uri For(string serviceUrl, params ReadOnlySpan<string> segments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        if (!Uri.TryCreate(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The service URL must be an absolute http(s) address.", nameof(serviceUrl));
        }

        var escaped = new string[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            ArgumentException.ThrowIfNullOrEmpty(segments[i], nameof(segments));
            escaped[i] = Uri.EscapeDataString(segments[i]);
        }

        return new Uri(baseUri, string.Join('/', escaped));
    }
}
