using JourneyBot.Protocol.Configuration;
using Microsoft.Extensions.Hosting;

namespace JourneyBot.Protocol.Connector;

/// <summary>
/// The one rule for the connectors the bot sends to: checked when an activity arrives (its turn is
/// refused) and again before every connector call, stored service URLs included, so that no
/// token leaves for a host off the list.
/// </summary>
internal sealed class ServiceUrlPolicy
{
    /// <summary>
    /// Teams' connectors (public cloud, GCC, GCC High, DoD, as Microsoft documents them for
    /// proactive messages) and Bot Framework's own.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultHosts =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
        "*.botframework.com",
    ];

    private readonly string[] _hosts;
    private readonly bool _allowLoopback;
    private readonly bool _loopbackOnly;

    /// <param name="allowedHosts">Host names and <c>*.domain</c> patterns (see <see cref="IsHostPattern"/>).</param>
    /// <param name="allowLoopback">Whether loopback connectors are allowed beside the list.</param>
    /// <param name="loopbackOnly">Only loopback connectors: the bot runs without authentication.</param>
    public ServiceUrlPolicy(IEnumerable<string> allowedHosts, bool allowLoopback, bool loopbackOnly)
    {
        _hosts = [.. allowedHosts.Select(h => h.Trim().ToLowerInvariant())];
        _allowLoopback = allowLoopback;
        _loopbackOnly = loopbackOnly;
    }

    /// <summary>The policy the settings and the environment make.</summary>
    public static ServiceUrlPolicy Create(ConnectorOptions connector, BotFrameworkOptions bot, IHostEnvironment environment) =>
        new(connector.AllowedServiceHosts.Count > 0 ? connector.AllowedServiceHosts : DefaultHosts,
            connector.AllowLoopback ?? environment.IsDevelopment(),
            loopbackOnly: !bot.IsAuthenticationEnabled);

    /// <summary>Whether <paramref name="serviceUrl"/> is an absolute address the bot may send to.</summary>
    public bool IsAllowed(string? serviceUrl) => Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && IsAllowed(uri);

    /// <summary>Whether <paramref name="uri"/> (a service URL or a connector call) may be sent to.</summary>
    public bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        if (LoopbackOrHttps.IsLoopback(uri))
        {
            return _loopbackOnly || _allowLoopback;
        }

        return !_loopbackOnly && uri.Scheme == Uri.UriSchemeHttps && _hosts.Any(pattern => Matches(pattern, uri.IdnHost));
    }

    /// <summary>Whether <paramref name="pattern"/> is a host name, or <c>*.</c> followed by one.</summary>
    public static bool IsHostPattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }

        var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return host.Contains('.', StringComparison.Ordinal) && Uri.CheckHostName(host) == UriHostNameType.Dns;
    }

    // "*.example.com" matches hosts under example.com, not example.com itself nor "badexample.com".
    private static bool Matches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);
}
