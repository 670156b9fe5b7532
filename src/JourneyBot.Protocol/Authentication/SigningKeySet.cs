using Microsoft.IdentityModel.Tokens;

namespace JourneyBot.Protocol.Authentication;

/// <summary>The keys one issuer signs with, and the channels each key is endorsed for.</summary>
/// <param name="Keys">The keys, as published in the issuer's JWKS.</param>
/// <param name="Endorsements">Per key id, the channel ids the key may sign for (absent: none listed).</param>
internal sealed record SigningKeySet(
    IReadOnlyCollection<SecurityKey> Keys,
    IReadOnlyDictionary<string, IReadOnlyCollection<string>> Endorsements);
