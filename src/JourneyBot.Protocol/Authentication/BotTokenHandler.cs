using System.Security.Claims;
using JourneyBot.Protocol.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JourneyBot.Protocol.Authentication;

/// <summary>
/// Validates a Bot Framework token for JwtBearer: issuer first, then signature with that issuer's
/// keys only, algorithm, lifetime with 5 minutes of skew, and audience by the Bot Framework rule.
/// </summary>
/// <remarks>
/// The issuer decides which metadata the keys come from, so a token can only be verified by keys
/// of the family that its issuer belongs to. On an unknown key id the metadata is refreshed once,
/// because the Bot Framework rotates keys without notice.
/// </remarks>
internal sealed class BotTokenHandler(BotSigningKeys signingKeys, BotFrameworkOptions options) : JsonWebTokenHandler
{
    private readonly IReadOnlySet<string> _entraIssuers = BotTokenRules.EntraIssuers(options.MicrosoftAppTenantId);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        JsonWebToken jwt;
        try
        {
            jwt = ReadJsonWebToken(token);
        }
        catch (ArgumentException ex)
        {
            return Invalid(new SecurityTokenMalformedException("The bearer token is not a JWT.", ex));
        }

        var source = BotTokenRules.ClassifyIssuer(jwt.Issuer, options.ToBotFromChannelTokenIssuer, _entraIssuers);
        if (source is not { } tokenSource)
        {
            return Invalid(new SecurityTokenInvalidIssuerException("The token's issuer is not a Bot Framework or Entra issuer the bot trusts.")
            {
                InvalidIssuer = jwt.Issuer,
            });
        }

        var result = await ValidateWithKeysAsync(token, tokenSource, validationParameters);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            signingKeys.RequestRefresh(tokenSource);
            result = await ValidateWithKeysAsync(token, tokenSource, validationParameters);
        }

        if (!result.IsValid)
        {
            return result;
        }

        if (!BotTokenRules.IsForBot(jwt, tokenSource, options.MicrosoftAppId))
        {
            return Invalid(new SecurityTokenInvalidAudienceException("The token was not issued for this bot's app id."));
        }

        var keys = await signingKeys.GetAsync(tokenSource, CancellationToken.None);
        AddBotClaims(result.ClaimsIdentity, tokenSource, jwt.Kid is { } kid ? keys.Endorsements.GetValueOrDefault(kid) : null);
        return result;
    }

    private async Task<TokenValidationResult> ValidateWithKeysAsync(
        string token, TokenSource source, TokenValidationParameters template)
    {
        var keys = await signingKeys.GetAsync(source, CancellationToken.None);
        var parameters = template.Clone();
        parameters.ValidIssuers = source == TokenSource.Channel ? [options.ToBotFromChannelTokenIssuer] : _entraIssuers;
        parameters.ValidateIssuer = true;
        parameters.IssuerSigningKeys = keys.Keys;
        // As the SDK: a key published as a certificate (x5c) is refused outside the certificate's validity.
        parameters.ValidateIssuerSigningKey = true;
        parameters.RequireSignedTokens = true;
        parameters.ValidAlgorithms = BotTokenRules.AllowedAlgorithms;
        parameters.RequireExpirationTime = true;
        parameters.ValidateLifetime = true;
        parameters.ClockSkew = BotTokenRules.ClockSkew;
        // The audience rule differs per issuer family (aud, appid or azp); IsForBot applies it.
        parameters.ValidateAudience = false;
        parameters.TryAllIssuerSigningKeys = false;
        return await base.ValidateTokenAsync(token, parameters);
    }

    // Claims a token might carry under our names are dropped first: only this handler sets them.
    private static void AddBotClaims(ClaimsIdentity identity, TokenSource source, IReadOnlyCollection<string>? endorsements)
    {
        foreach (var forged in identity.Claims.Where(c => c.Type.StartsWith("urn:journeybot:", StringComparison.Ordinal)).ToList())
        {
            identity.RemoveClaim(forged);
        }

        identity.AddClaim(new Claim(BotClaimTypes.TokenSource, source.ToString()));
        foreach (var channel in endorsements ?? [])
        {
            identity.AddClaim(new Claim(BotClaimTypes.Endorsement, channel));
        }
    }

    private static TokenValidationResult Invalid(Exception exception) => new() { IsValid = false, Exception = exception };
}
