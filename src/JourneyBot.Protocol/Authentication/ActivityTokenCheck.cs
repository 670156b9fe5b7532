using System.Security.Claims;
using JourneyBot.Protocol.Schema;

namespace JourneyBot.Protocol.Authentication;

/// <summary>
/// The token rules that need the activity: the signing key's endorsement for the activity's
/// channel, and the token's <c>serviceurl</c> claim against the activity's <c>serviceUrl</c>.
/// </summary>
/// <remarks>
/// Without the service URL check, a valid token for one connector could direct the bot's replies,
/// with the bot's own credentials, to any address written into the body.
/// </remarks>
internal static class ActivityTokenCheck
{
    /// <summary>Null when the authenticated caller may send <paramref name="activity"/>; else why not.</summary>
    public static string? FindViolation(ClaimsPrincipal user, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(activity);
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        if (!Enum.TryParse<TokenSource>(user.FindFirst(BotClaimTypes.TokenSource)?.Value, out var source))
        {
            return "the token was not validated by the Bot Framework token handler";
        }

        var endorsements = user.FindAll(BotClaimTypes.Endorsement).Select(c => c.Value).ToList();
        if (!BotTokenRules.IsEndorsed(endorsements, activity.ChannelId, source))
        {
            return "the token's signing key is not endorsed for the activity's channel";
        }

        return FindServiceUrlViolation(user, activity.ServiceUrl, source);
    }

    /// <summary>
    /// Null when the token's <c>serviceurl</c> claim allows <paramref name="serviceUrl"/> (read from
    /// the body before it is parsed); else why not. Unauthenticated requests pass, as above.
    /// </summary>
    public static string? FindServiceUrlViolation(ClaimsPrincipal user, string? serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        return Enum.TryParse<TokenSource>(user.FindFirst(BotClaimTypes.TokenSource)?.Value, out var source)
            ? FindServiceUrlViolation(user, serviceUrl, source)
            : "the token was not validated by the Bot Framework token handler";
    }

    private static string? FindServiceUrlViolation(ClaimsPrincipal user, string? serviceUrl, TokenSource source) =>
        BotTokenRules.ServiceUrlMatches(user.FindFirst(BotTokenRules.ServiceUrlClaim)?.Value, serviceUrl, source)
            ? null
            : "the token's serviceurl claim does not match the activity's serviceUrl";
}
