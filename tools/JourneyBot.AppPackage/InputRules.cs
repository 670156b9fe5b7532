using System.Globalization;
using System.Text.RegularExpressions;

namespace JourneyBot.AppPackage;

/// <summary>
/// The checks on what the user passes. Each returns the value to put in the manifest, or throws a
/// <see cref="UsageException"/> whose one line names the option and shows what it takes.
/// </summary>
internal static partial class InputRules
{
    /// <summary>A GUID in its usual 8-4-4-4-12 form, written back in lower case as Entra shows it.</summary>
    public static string Guid(string value, string source, string whatItIs)
    {
        RejectPlaceholder(value, source);
        return System.Guid.TryParseExact(value.Trim(), "D", out var guid)
            ? guid.ToString("D", CultureInfo.InvariantCulture)
            : throw new UsageException($"{source} takes {whatItIs}, a GUID like 3f2504e0-4f89-41d3-9a0c-0305e82c3301; '{value}' is not one.");
    }

    /// <summary>
    /// A bare DNS host name (what manifest.json's validDomains holds): no scheme, port, path or
    /// spaces. When the user passed an address, the message names the host to pass instead.
    /// </summary>
    public static string HostName(string value, string source)
    {
        RejectPlaceholder(value, source);
        var trimmed = value.Trim();
        if (HostNamePattern().IsMatch(trimmed))
        {
            return trimmed.ToLowerInvariant();
        }

        var hint = HostInside(trimmed) is { } host ? $" (pass {host})" : string.Empty;
        throw new UsageException($"{source} takes a host name like journeybot.azurewebsites.net, not '{value}'{hint}.");
    }

    /// <summary>major.minor.patch in plain numbers, the form Teams accepts as an app version.</summary>
    public static string Version(string value, string source)
    {
        RejectPlaceholder(value, source);
        return VersionPattern().IsMatch(value)
            ? value
            : throw new UsageException($"{source} takes major.minor.patch numbers like 1.0.0 or 1.2.10, not '{value}'.");
    }

    /// <summary>An absolute https:// address, as Teams requires of the developer links.</summary>
    public static string HttpsUrl(string value, string source, string example)
    {
        RejectPlaceholder(value, source);
        var trimmed = value.Trim();
        var ok = trimmed.Length <= 2048
            && !trimmed.Any(char.IsWhiteSpace)
            && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttps
            && uri.Host.Length > 0;
        return ok
            ? trimmed
            : throw new UsageException($"{source} takes an absolute https:// address like {example}, not '{value}'.");
    }

    // A value that still holds {{…}} was copied from the template or a script that did not fill it in.
    private static void RejectPlaceholder(string value, string source)
    {
        if (value.Contains("{{", StringComparison.Ordinal) || value.Contains("}}", StringComparison.Ordinal))
        {
            throw new UsageException($"{source} has a {{{{…}}}} placeholder in it ('{value}'); pass the real value.");
        }
    }

    // What the user probably meant when they passed an address instead of a host name.
    private static string? HostInside(string value)
    {
        var candidate = value.Contains("://", StringComparison.Ordinal) ? value : "https://" + value;
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && HostNamePattern().IsMatch(uri.Host)
            ? uri.Host.ToLowerInvariant()
            : null;
    }

    // Labels of letters, digits and inner hyphens, at least two of them; the last starts with a
    // letter, which keeps out IP addresses (Teams needs a domain name).
    [GeneratedRegex(@"^(?=.{1,253}\z)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostNamePattern();

    // No leading zeros, as semantic versioning requires.
    [GeneratedRegex(@"^(?:0|[1-9][0-9]{0,8})\.(?:0|[1-9][0-9]{0,8})\.(?:0|[1-9][0-9]{0,8})\z", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
