namespace JourneyBot.Protocol.Authentication;

/// <summary>
/// Claims the token handler adds after validation, so that the checks that need the activity
/// body (endorsements, service URL) can run once the body has been read.
/// </summary>
internal static class BotClaimTypes
{
    /// <summary>A channel id the signing key is endorsed for (one claim per channel).</summary>
    public const string Endorsement = "urn:journeybot:endorsement";

    /// <summary>The <see cref="Authentication.TokenSource"/> the token was verified against.</summary>
    public const string TokenSource = "urn:journeybot:token-source";
}
