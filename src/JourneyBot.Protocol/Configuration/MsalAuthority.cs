namespace JourneyBot.Protocol.Configuration;

/// <summary>
/// What MSAL accepts as the authority of client-credential tokens (<see cref="BotFrameworkOptions.LoginUrl"/>):
/// an absolute https address whose first path segment is the tenant.
/// </summary>
/// <remarks>
/// Stricter than <see cref="LoopbackOrHttps"/>: MSAL refuses http even on loopback, and it does so
/// only when the first token is wanted, so a looser check at start-up lets every turn fail later.
/// </remarks>
internal static class MsalAuthority
{
    public static bool IsAccepted(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && uri.AbsolutePath.Trim('/').Length > 0;
}
