using JourneyBot.Protocol.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JourneyBot.Protocol.Tests;

/// <summary>The pure token rules, case by case (the pipeline tests prove them end to end).</summary>
public sealed class BotTokenRulesTests
{
    private const string AppId = "7d4d1b6a-2f4e-4a39-9d7b-1b1f1a2b3c4d";
    private static readonly IReadOnlySet<string> Entra = BotTokenRules.EntraIssuers(botTenantId: "my-tenant");

    private static JsonWebToken Token(Dictionary<string, object> claims, string? audience = null) =>
        new(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor { Claims = claims, Audience = audience }));

    [Theory]
    [InlineData("https://api.botframework.com", nameof(TokenSource.Channel))]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", nameof(TokenSource.Entra))]
    [InlineData("https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0", nameof(TokenSource.Entra))]
    [InlineData("https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/", nameof(TokenSource.Entra))]
    [InlineData("https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0", nameof(TokenSource.Entra))]
    [InlineData("https://sts.windows.net/my-tenant/", nameof(TokenSource.Entra))]
    [InlineData("https://login.microsoftonline.com/my-tenant/v2.0", nameof(TokenSource.Entra))]
    [InlineData("https://api.botframework.com/", null)]
    [InlineData("https://API.botframework.com", null)]
    [InlineData("https://sts.windows.net/other-tenant/", null)]
    [InlineData("https://sts.windows.net/69e9b82d-4842-4902-8d1e-abc5b98a55e8/", null)]
    [InlineData("https://login.microsoftonline.com/69e9b82d-4842-4902-8d1e-abc5b98a55e8/v2.0", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Issuers_are_classified_exactly(string? issuer, string? expected)
    {
        Assert.Equal(expected is null ? null : Enum.Parse<TokenSource>(expected), BotTokenRules.ClassifyIssuer(issuer, "https://api.botframework.com", Entra));
    }

    [Fact]
    public void Without_a_tenant_only_the_bot_framework_tenants_are_entra_issuers()
    {
        Assert.DoesNotContain(BotTokenRules.EntraIssuers(null), i => i.Contains("my-tenant", StringComparison.Ordinal));
        Assert.Equal(4, BotTokenRules.EntraIssuers(null).Count);
    }

    [Fact]
    public void A_channel_token_is_for_the_bot_when_its_audience_is_the_app_id()
    {
        Assert.True(BotTokenRules.IsForBot(Token([], audience: AppId), TokenSource.Channel, AppId));
        Assert.False(BotTokenRules.IsForBot(Token([], audience: "other"), TokenSource.Channel, AppId));
        Assert.False(BotTokenRules.IsForBot(Token(new() { ["appid"] = AppId }, audience: "other"), TokenSource.Channel, AppId));
    }

    [Theory]
    [InlineData(null, "appid", false)]
    [InlineData("", "appid", true)]
    [InlineData("1.0", "appid", true)]
    [InlineData("1.0", "azp", false)]
    [InlineData("2.0", "azp", true)]
    [InlineData("2.0", "appid", false)]
    [InlineData("3.0", "azp", false)]
    public void An_entra_token_names_the_bot_in_appid_for_v1_and_azp_for_v2_and_must_say_its_version(string? version, string claim, bool expected)
    {
        var claims = new Dictionary<string, object> { [claim] = AppId };
        if (version is not null)
        {
            claims["ver"] = version;
        }

        Assert.Equal(expected, BotTokenRules.IsForBot(Token(claims, audience: AppId), TokenSource.Entra, AppId));
    }

    [Theory]
    [InlineData(AppId, true)]
    [InlineData("api://" + AppId, true)]
    [InlineData("API://" + AppId, false)]
    [InlineData("api://some-other-audience", false)]
    [InlineData("https://storage.azure.com", false)]
    [InlineData("https://api.botframework.com", false)]
    [InlineData(null, false)]
    public void An_entra_token_is_for_the_bot_only_when_its_audience_is_the_bot(string? audience, bool expected)
    {
        var claims = new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = AppId };

        Assert.Equal(expected, BotTokenRules.IsForBot(Token(claims, audience), TokenSource.Entra, AppId));
    }

    [Fact]
    public void No_token_is_for_a_bot_without_an_app_id()
    {
        Assert.False(BotTokenRules.IsForBot(Token([], audience: ""), TokenSource.Channel, ""));
    }

    [Theory]
    [InlineData(new[] { "msteams", "skype" }, "msteams", nameof(TokenSource.Channel), true)]
    [InlineData(new[] { "skype" }, "msteams", nameof(TokenSource.Channel), false)]
    [InlineData(new[] { "MSTEAMS" }, "msteams", nameof(TokenSource.Channel), false)]
    [InlineData(new string[0], "msteams", nameof(TokenSource.Channel), false)]
    [InlineData(new string[0], "msteams", nameof(TokenSource.Entra), true)]
    [InlineData(new[] { "skype" }, "msteams", nameof(TokenSource.Entra), false)]
    [InlineData(new[] { "skype" }, "", nameof(TokenSource.Channel), false)]
    [InlineData(new[] { "skype" }, null, nameof(TokenSource.Channel), false)]
    [InlineData(new string[0], "", nameof(TokenSource.Entra), true)]
    public void A_signing_key_must_be_endorsed_for_the_channel_the_activity_names(string[] endorsements, string? channelId, string source, bool expected)
    {
        Assert.Equal(expected, BotTokenRules.IsEndorsed(endorsements, channelId, Enum.Parse<TokenSource>(source)));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/", nameof(TokenSource.Channel), true)]
    [InlineData("https://SMBA.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/", nameof(TokenSource.Channel), true)]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://evil.example/teams/", nameof(TokenSource.Channel), false)]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams", nameof(TokenSource.Channel), false)]
    [InlineData(null, "https://smba.trafficmanager.net/teams/", nameof(TokenSource.Channel), false)]
    [InlineData(null, "https://smba.trafficmanager.net/teams/", nameof(TokenSource.Entra), true)]
    [InlineData("https://elsewhere/", "https://smba.trafficmanager.net/teams/", nameof(TokenSource.Entra), false)]
    public void The_serviceurl_claim_must_match_the_activity(string? claim, string activityServiceUrl, string source, bool expected)
    {
        Assert.Equal(expected, BotTokenRules.ServiceUrlMatches(claim, activityServiceUrl, Enum.Parse<TokenSource>(source)));
    }

    [Fact]
    public void Only_RSA_PKCS1_algorithms_are_allowed()
    {
        Assert.Equal(["RS256", "RS384", "RS512"], BotTokenRules.AllowedAlgorithms);
        Assert.Equal(TimeSpan.FromMinutes(5), BotTokenRules.ClockSkew);
    }
}
