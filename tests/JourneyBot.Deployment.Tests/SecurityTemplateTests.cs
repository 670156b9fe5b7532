using System.Text.Json;

namespace JourneyBot.Deployment.Tests;

/// <summary>
/// What a tenant's security review asks of the template (issue 15, items 2 and 15): platform logs
/// in the template's own workspace, storage and secrets reachable from the web app's subnet only,
/// secrets as Key Vault references read with get-secret only, one identity for the bot and another
/// for the data, the Teams channel only, HTTPS with HSTS.
/// </summary>
public sealed partial class SecurityTemplateTests
{
    // Built-in role definition ids.
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    [Theory]
    [InlineData("Microsoft.Web/sites", "AppServiceHTTPLogs")]
    [InlineData("Microsoft.Web/sites", "AppServiceConsoleLogs")]
    [InlineData("Microsoft.Storage/storageAccounts/tableServices", "StorageRead")]
    [InlineData("Microsoft.Storage/storageAccounts/tableServices", "StorageWrite")]
    [InlineData("Microsoft.Storage/storageAccounts/tableServices", "StorageDelete")]
    [InlineData("Microsoft.BotService/botServices", "BotRequest")]
    [InlineData("Microsoft.KeyVault/vaults", "audit")]
    public async Task Each_resource_sends_its_platform_logs_to_the_workspace_the_template_creates(string scopeType, string category)
    {
        var template = await Bicep.MainTemplateAsync();

        var setting = Assert.Single(template.OfType("Microsoft.Insights/diagnosticSettings"),
            s => s.At("scope")?.StartsWith($"[resourceId('{scopeType}'", StringComparison.Ordinal) == true);
        var logs = setting.Properties.GetProperty("logs").EnumerateArray().ToList();
        Assert.Contains(logs, log => (Text(log, "category") ?? Text(log, "categoryGroup")) == category && log.GetProperty("enabled").GetBoolean());
        // The workspace of the monitoring module, which the template creates (not one given by id).
        Assert.Equal("[reference('monitoring').outputs.workspaceId.value]", setting.At("properties.workspaceId"));
        var workspaceId = Deployment(template, "monitoring").Json.GetProperty("properties").GetProperty("template").GetProperty("outputs").GetProperty("workspaceId").GetProperty("value").GetString();
        Assert.StartsWith("[resourceId('Microsoft.OperationalInsights/workspaces'", workspaceId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_and_the_vault_take_requests_from_the_web_apps_subnet_only()
    {
        var template = await Bicep.MainTemplateAsync();
        const string subnet = "[reference('network').outputs.subnetId.value]";

        // Service endpoints rather than private endpoints: see deployment/README.md, Network.
        var account = Assert.Single(template.OfType("Microsoft.Storage/storageAccounts"));
        var vault = Assert.Single(template.OfType("Microsoft.KeyVault/vaults"));
        foreach (var guarded in new[] { account, vault })
        {
            Assert.Equal("Deny", guarded.At("properties.networkAcls.defaultAction"));
            Assert.Equal("None", guarded.At("properties.networkAcls.bypass"));
            Assert.Equal("[]", guarded.At("properties.networkAcls.ipRules"));
            var rule = Assert.Single(guarded.Properties.GetProperty("networkAcls").GetProperty("virtualNetworkRules").EnumerateArray());
            Assert.Equal(subnet, guarded.Scope.Resolve(rule.GetProperty("id").GetString()!));
        }

        var site = Assert.Single(template.OfType("Microsoft.Web/sites"));
        Assert.Equal(subnet, site.At("properties.virtualNetworkSubnetId"));
        // Only service endpoint (and private) traffic enters the network; the connector calls do not.
        Assert.Equal("false", site.At("properties.outboundVnetRouting.allTraffic"));
        var network = Assert.Single(template.OfType("Microsoft.Network/virtualNetworks"));
        var integration = Assert.Single(network.Properties.GetProperty("subnets").EnumerateArray());
        var endpoints = integration.GetProperty("properties").GetProperty("serviceEndpoints").EnumerateArray().Select(e => e.GetProperty("service").GetString());
        Assert.Equal(["Microsoft.KeyVault", "Microsoft.Storage"], endpoints.Order(StringComparer.Ordinal));
        Assert.Equal("Microsoft.Web/serverFarms", integration.GetProperty("properties").GetProperty("delegations")[0].GetProperty("properties").GetProperty("serviceName").GetString());
    }

    [Fact]
    public async Task The_client_secret_and_the_link_keys_are_Key_Vault_references_that_only_the_data_identity_may_get()
    {
        var template = await Bicep.MainTemplateAsync();
        var settings = AppSettings.Of(template);

        foreach (var name in new[] { "MicrosoftAppPassword", "MapLinks__SigningKeys__0", "MapLinks__SigningKeys__1" })
        {
            Assert.Contains("__bicep.keyVaultReference(reference('keyVault').outputs.name.value", PassedToWebApp(template, settings[name]), StringComparison.Ordinal);
        }

        var reference = template.Root.GetProperty("functions")[0].GetProperty("members").GetProperty("keyVaultReference").GetProperty("output").GetProperty("value").GetString();
        Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName={0};SecretName={1})'", reference, StringComparison.Ordinal);
        // The secret parameters go to the vault and nowhere else.
        var webAppInputs = WebAppDeployment(template).Json.GetProperty("properties").GetProperty("parameters").GetRawText();
        Assert.DoesNotContain("parameters('appPassword')", webAppInputs, StringComparison.Ordinal);
        Assert.DoesNotContain("parameters('mapLinkKey')", webAppInputs, StringComparison.Ordinal);
        Assert.DoesNotContain("parameters('previousMapLinkKey')", webAppInputs, StringComparison.Ordinal);

        var vault = Assert.Single(template.OfType("Microsoft.KeyVault/vaults"));
        Assert.Equal("true", vault.At("properties.enableRbacAuthorization"));
        Assert.Equal("true", vault.At("properties.enablePurgeProtection"));
        var reader = Assert.Single(template.OfType("Microsoft.Authorization/roleAssignments"), r => r.At("properties.roleDefinitionId")!.Contains(KeyVaultSecretsUser, StringComparison.Ordinal));
        Assert.StartsWith("[resourceId('Microsoft.KeyVault/vaults'", reader.At("scope"), StringComparison.Ordinal);
        Assert.Equal(DataIdentityName(template), reader.Scope.Resolve("[parameters('readerIdentityName')]"));
        var site = Assert.Single(template.OfType("Microsoft.Web/sites"));
        Assert.Contains("parameters('dataIdentityName')", site.At("properties.keyVaultReferenceIdentity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_identity_and_the_data_identity_are_separate_and_the_bot_identity_holds_no_Azure_role()
    {
        var template = await Bicep.MainTemplateAsync();
        var settings = AppSettings.Of(template);
        var variables = template.Root.GetProperty("variables");

        var identities = template.OfType("Microsoft.ManagedIdentity/userAssignedIdentities").Where(i => i.At("existing") != "true").ToList();
        Assert.Equal(2, identities.Count);
        Assert.Contains("-data-identity", variables.GetProperty("dataIdentityName").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(variables.GetProperty("botIdentityName").GetString(), variables.GetProperty("dataIdentityName").GetString());

        // The bot is the bot identity; storage is reached with the data identity.
        Assert.Contains("reference('botIdentity').outputs.clientId.value", PassedToWebApp(template, settings["MicrosoftAppId"]), StringComparison.Ordinal);
        Assert.Equal("[reference('dataIdentity').clientId]", settings["Storage__ManagedIdentityClientId"]);
        var webAppResources = WebAppDeployment(template).Json.GetProperty("properties").GetProperty("template").GetProperty("resources");
        Assert.Equal("[parameters('dataIdentityName')]", webAppResources.GetProperty("dataIdentity").GetProperty("name").GetString());
        var bot = Assert.Single(template.OfType("Microsoft.BotService/botServices"));
        Assert.Contains("parameters('msaAppMSIResourceId')", bot.At("properties.msaAppMSIResourceId"), StringComparison.Ordinal);
        Assert.Equal("[reference('botIdentity').outputs.id.value]", Passed(template, "bot", "msaAppMSIResourceId").GetString());

        // Every role goes to the data identity: a token of the bot's identity opens nothing in Azure.
        var grants = template.OfType("Microsoft.Authorization/roleAssignments");
        Assert.Equal(2, grants.Count);
        Assert.All(grants, grant => Assert.Equal(DataIdentityName(template),
            grant.Scope.Resolve(grant.Scope.Template.GetProperty("parameters").TryGetProperty("identityName", out _) ? "[parameters('identityName')]" : "[parameters('readerIdentityName')]")));
        Assert.Contains(grants, g => g.At("properties.roleDefinitionId")!.Contains(TableDataContributor, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_Azure_Bot_serves_Teams_only_with_Web_Chat_and_Direct_Line_switched_off()
    {
        var template = await Bicep.MainTemplateAsync();

        var channels = template.OfType("Microsoft.BotService/botServices/channels");
        Assert.Equal(["DirectLineChannel", "MsTeamsChannel", "WebChatChannel"], channels.Select(c => c.At("properties.channelName")).Order(StringComparer.Ordinal));
        Assert.Equal("true", Assert.Single(channels, c => c.At("properties.channelName") == "MsTeamsChannel").At("properties.properties.isEnabled"));
        foreach (var channel in channels.Where(c => c.At("properties.channelName") != "MsTeamsChannel"))
        {
            var sites = channel.Properties.GetProperty("properties").GetProperty("sites").EnumerateArray().ToList();
            Assert.NotEmpty(sites);
            Assert.All(sites, site => Assert.False(site.GetProperty("isEnabled").GetBoolean()));
            Assert.All(sites, site => Assert.Equal("Default Site", channel.Scope.Resolve(site.GetProperty("siteName").GetString()!)));
        }

        var directLine = Assert.Single(channels, c => c.At("properties.channelName") == "DirectLineChannel");
        var directLineSite = directLine.Properties.GetProperty("properties").GetProperty("sites")[0];
        Assert.False(directLineSite.GetProperty("isV1Enabled").GetBoolean());
        Assert.False(directLineSite.GetProperty("isV3Enabled").GetBoolean());
        // Channel secret keys (what a Web Chat or Direct Line client would use) do not work at all.
        Assert.Equal("true", Assert.Single(template.OfType("Microsoft.BotService/botServices")).At("properties.disableLocalAuth"));
    }

    [Fact]
    public async Task The_deployment_endpoint_takes_TLS_1_2_only_and_the_app_sees_https_for_HSTS()
    {
        // httpsOnly and the site's minimum TLS: TemplateTests; the HSTS header: AzureHostedBotTests.
        var template = await Bicep.MainTemplateAsync();

        var site = Assert.Single(template.OfType("Microsoft.Web/sites"));
        Assert.Equal(["1.2", "Disabled"], [site.At("properties.siteConfig.scmMinTlsVersion"), site.At("properties.siteConfig.ftpsState")]);
        // TLS ends at App Service's front end: the app learns the scheme from X-Forwarded-Proto.
        Assert.Equal("true", AppSettings.Of(template)["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    // The data identity's name, as main.bicep spells it.
    private static string DataIdentityName(ArmTemplate template) =>
        template.Root.GetProperty("variables").GetProperty("dataIdentityName").GetString()!;

    private static ArmResource WebAppDeployment(ArmTemplate template) => Deployment(template, "webApp");

    // The nested deployment of main.bicep's module <paramref name="module"/>.
    private static ArmResource Deployment(ArmTemplate template, string module) =>
        Assert.Single(template.OfType("Microsoft.Resources/deployments"), d => d.Json.GetProperty("name").GetString()!.Contains($"'{module}-", StringComparison.Ordinal));

    // The value main.bicep passes to a module's parameter.
    private static JsonElement Passed(ArmTemplate template, string module, string parameter) =>
        Deployment(template, module).Json.GetProperty("properties").GetProperty("parameters").GetProperty(parameter).GetProperty("value");

    // What main.bicep passes to the web app's module parameter that a setting's value names.
    private static string PassedToWebApp(ArmTemplate template, string settingValue)
    {
        var parameter = ParameterName().Match(settingValue);
        Assert.True(parameter.Success, $"{settingValue} names no parameter.");
        return WebAppDeployment(template).Json.GetProperty("properties").GetProperty("parameters").GetProperty(parameter.Groups["name"].Value).GetRawText();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"parameters\('(?<name>\w+)'\)")]
    private static partial System.Text.RegularExpressions.Regex ParameterName();
}
