using JourneyBot.Protocol.Configuration;

namespace JourneyBot.Protocol.Tests;

public sealed class BotFrameworkOptionsValidatorTests
{
    private const string AppId = "7d4d1b6a-2f4e-4a39-9d7b-1b1f1a2b3c4d";

    private static string? Check(string? type = null, string? id = null, string? password = null, string? tenant = null,
        string? loginUrl = null, string? metadataUrl = null)
    {
        var options = new BotFrameworkOptions
        {
            MicrosoftAppType = type,
            MicrosoftAppId = id,
            MicrosoftAppPassword = password,
            MicrosoftAppTenantId = tenant,
            ToChannelFromBotLoginUrl = loginUrl,
        };
        if (metadataUrl is not null)
        {
            options.ToBotFromChannelOpenIdMetadataUrl = metadataUrl;
        }

        var result = new BotFrameworkOptionsValidator().Validate(null, options);
        return result.Succeeded ? null : result.FailureMessage;
    }

    [Fact]
    public void Nothing_set_is_valid_and_means_authentication_off()
    {
        Assert.Null(Check());
        Assert.False(new BotFrameworkOptions().IsAuthenticationEnabled);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("MultiTenant")]
    [InlineData("multitenant")]
    public void MultiTenant_needs_an_id_and_a_password(string? type)
    {
        Assert.Null(Check(type, AppId, "secret"));
        Assert.Contains("MultiTenant needs MicrosoftAppPassword", Check(type, AppId), StringComparison.Ordinal);
    }

    [Fact]
    public void SingleTenant_needs_an_id_a_password_and_a_tenant()
    {
        Assert.Null(Check("SingleTenant", AppId, "secret", "contoso.onmicrosoft.com"));
        Assert.Contains("SingleTenant needs MicrosoftAppPassword and MicrosoftAppTenantId", Check("SingleTenant", AppId, "secret"), StringComparison.Ordinal);
        Assert.Contains("SingleTenant needs", Check("SingleTenant", AppId, tenant: "t"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UserAssignedMSI")]
    [InlineData("userassignedmsi")]
    public void UserAssignedMSI_needs_an_id_and_a_tenant_and_no_password(string type)
    {
        Assert.Null(Check(type, AppId, tenant: "t"));
        Assert.Contains("MicrosoftAppPassword must be empty", Check(type, AppId, "secret", "t"), StringComparison.Ordinal);
        Assert.Contains("UserAssignedMSI needs MicrosoftAppTenantId", Check(type, AppId), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_app_type_is_named_in_the_message()
    {
        Assert.Contains("MicrosoftAppType 'Federated' is not one of", Check("Federated", AppId, "secret"), StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_without_an_app_id_are_refused_rather_than_silently_ignored()
    {
        Assert.Contains("MicrosoftAppId is empty", Check(password: "secret"), StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppId is empty", Check(type: "SingleTenant", tenant: "t"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_id_must_be_a_guid()
    {
        Assert.Contains("must be the bot's Entra application (client) id", Check(id: "my-bot", password: "secret"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.example.com/token", false)]
    [InlineData("http://127.0.0.1:5000/botframework.com", true)]
    [InlineData("http://localhost:5000/botframework.com", true)]
    [InlineData("https://login.example.com/botframework.com", true)]
    [InlineData("login.example.com", false)]
    public void Metadata_endpoints_must_be_https_except_on_loopback(string url, bool valid)
    {
        Assert.Equal(valid, Check(metadataUrl: url) is null);
    }

    // The login URL is MSAL's authority: MSAL takes https only (loopback included) and needs the
    // tenant as the first path segment. The test token service is https on loopback for this reason.
    [Theory]
    [InlineData("http://login.example.com/token", false)]
    [InlineData("http://127.0.0.1:5000/botframework.com", false)]
    [InlineData("http://localhost:5000/botframework.com", false)]
    [InlineData("https://127.0.0.1:5000/botframework.com", true)]
    [InlineData("https://login.example.com/botframework.com", true)]
    [InlineData("https://login.example.com/botframework.com/", true)]
    [InlineData("https://login.example.com/", false)]
    [InlineData("https://login.example.com", false)]
    [InlineData("login.example.com", false)]
    public void The_login_url_must_be_an_authority_msal_accepts(string url, bool valid)
    {
        Assert.Equal(valid, Check("MultiTenant", AppId, "secret", loginUrl: url) is null);
        Assert.Equal(valid, Check("SingleTenant", AppId, "secret", "contoso-id", loginUrl: url) is null);
        Assert.Equal(valid, MsalAccepts(url));
    }

    [Fact]
    public void A_login_url_msal_refuses_is_named_in_the_message()
    {
        Assert.Contains("ToChannelFromBotLoginUrl must be an https authority", Check("MultiTenant", AppId, "secret", loginUrl: "http://127.0.0.1:5000/botframework.com"), StringComparison.Ordinal);
    }

    // The same builder calls as ClientCredentialsTokenProvider, so the rule cannot drift from MSAL's own.
    private static bool MsalAccepts(string url)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new BotFrameworkOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = "secret",
            ToChannelFromBotLoginUrl = url,
        });
        try
        {
            _ = new JourneyBot.Protocol.Connector.ClientCredentialsTokenProvider(options, new NoHttp());
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private sealed class NoHttp : Microsoft.Identity.Client.IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => throw new InvalidOperationException("No HTTP in this test.");
    }

    [Theory]
    [InlineData("MultiTenant", null, "https://login.microsoftonline.com/botframework.com")]
    [InlineData("SingleTenant", "contoso-id", "https://login.microsoftonline.com/contoso-id")]
    public void The_login_authority_follows_the_app_type(string type, string? tenant, string expected)
    {
        var options = new BotFrameworkOptions { MicrosoftAppType = type, MicrosoftAppTenantId = tenant };

        Assert.Equal(expected, options.LoginUrl);
    }
}
