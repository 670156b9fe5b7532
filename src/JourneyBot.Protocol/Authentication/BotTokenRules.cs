using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JourneyBot.Protocol.Authentication;

/// <summary>
/// The Bot Framework's rules for inbound tokens, as pure functions so that each rule has a test.
/// </summary>
/// <remarks>
/// Source: botbuilder-dotnet <c>ChannelValidation</c>, <c>EmulatorValidation</c>,
/// <c>JwtTokenExtractor</c> and <c>EndorsementsValidator</c>; see docs/bot-protocol.md §2.
/// </remarks>
internal static class BotTokenRules
{
    /// <summary>Signature algorithms a Bot Framework token may use.</summary>
    public static readonly IReadOnlyList<string> AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    /// <summary>How far the clocks of the issuer and the bot may disagree.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The claim that names the connector the token was issued for.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>The Entra tenants whose v1 and v2 tokens the Emulator presents.</summary>
    /// <remarks>
    /// Not 69e9b82d-4842-4902-8d1e-abc5b98a55e8, which the M365 Agents SDK trusts for Copilot's
    /// tokens: those name the calling service, not the bot, in appid/azp, so they could never pass
    /// <see cref="IsForBot"/>, and JourneyBot serves no Copilot channel. Trusting the issuer would
    /// only let more apps' tokens reach the signature check.
    /// </remarks>
    private static readonly string[] EntraTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db", // Bot Framework (public cloud)
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a", // Bot Framework (public cloud, second tenant)
    ];

    /// <summary>
    /// The issuers accepted on the Entra path: the Bot Framework tenants' v1 and v2 issuers, plus
    /// the bot's own tenant when it has one (SingleTenant and managed identity bots).
    /// </summary>
    public static IReadOnlySet<string> EntraIssuers(string? botTenantId)
    {
        var tenants = string.IsNullOrWhiteSpace(botTenantId) ? EntraTenants : [.. EntraTenants, botTenantId.Trim()];
        return tenants
            .SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" })
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Which keys may verify a token from <paramref name="issuer"/>; null when the issuer is not
    /// one the bot trusts at all. This is decided before the signature is checked.
    /// </summary>
    public static TokenSource? ClassifyIssuer(string? issuer, string channelIssuer, IReadOnlySet<string> entraIssuers)
    {
        ArgumentNullException.ThrowIfNull(entraIssuers);
        if (string.IsNullOrEmpty(issuer))
        {
            return null;
        }

        if (string.Equals(issuer, channelIssuer, StringComparison.Ordinal))
        {
            return TokenSource.Channel;
        }

        return entraIssuers.Contains(issuer) ? TokenSource.Entra : null;
    }

    /// <summary>
    /// Whether the token is meant for this bot. Channel tokens carry the app id as <c>aud</c>.
    /// Entra tokens must be for the bot too (<c>aud</c> the app id or <c>api://{appId}</c>), and
    /// name the bot as the calling app: in <c>appid</c> for version 1.0 (or an empty version), in
    /// <c>azp</c> for 2.0. A token without <c>ver</c> is refused, as the SDK refuses it.
    /// </summary>
    /// <remarks>
    /// Without the audience rule any token of the bot's identity would do: its own connector token,
    /// a Storage token of the same managed identity. The Entra path needs no endorsement and no
    /// <c>serviceurl</c>, so such a token could post as anyone and send replies anywhere.
    /// </remarks>
    public static bool IsForBot(JsonWebToken token, TokenSource source, string? appId)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (string.IsNullOrWhiteSpace(appId))
        {
            return false;
        }

        if (source == TokenSource.Channel)
        {
            return token.Audiences.Any(a => string.Equals(a, appId, StringComparison.Ordinal));
        }

        var botAudiences = new[] { appId, $"api://{appId}" };
        if (!token.Audiences.Any(a => botAudiences.Contains(a, StringComparer.Ordinal)))
        {
            return false;
        }

        var caller = Claim(token, "ver") switch
        {
            "" or "1.0" => Claim(token, "appid"),
            "2.0" => Claim(token, "azp"),
            _ => null,
        };
        return string.Equals(caller, appId, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the signing key may sign for <paramref name="channelId"/>. The Bot Framework's JWKS
    /// lists, per key, the channels it is endorsed for. An Entra key has no endorsements and is
    /// accepted; a channel key without endorsements is refused, as the .NET SDK does.
    /// </summary>
    /// <remarks>
    /// The SDK lets an activity without a channel id skip this check; here no key is endorsed for
    /// "no channel", so a channel token cannot carry an activity that leaves its channel out.
    /// </remarks>
    public static bool IsEndorsed(IReadOnlyCollection<string>? endorsements, string? channelId, TokenSource source)
    {
        if (endorsements is null || endorsements.Count == 0)
        {
            return source == TokenSource.Entra;
        }

        return !string.IsNullOrEmpty(channelId) && endorsements.Contains(channelId, StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether the token was issued for the connector the activity names. Channel tokens must carry
    /// the claim; an Entra token is held to it when it carries one (the Emulator's tokens do not).
    /// </summary>
    public static bool ServiceUrlMatches(string? serviceUrlClaim, string? activityServiceUrl, TokenSource source)
    {
        if (serviceUrlClaim is null)
        {
            return source == TokenSource.Entra;
        }

        return string.Equals(serviceUrlClaim, activityServiceUrl, StringComparison.OrdinalIgnoreCase);
    }

    private static string? Claim(JsonWebToken token, string type) =>
        token.TryGetPayloadValue<string>(type, out var value) ? value : null;
}
