using System.Text.Json;

namespace JourneyBot.Deployment.Tests;

/// <summary>
/// <c>deployment/</c> compiles with the bicep compiler from NuGet with no warning, and the template
/// it makes deploys what the bot needs, configured as the README promises.
/// </summary>
public sealed class TemplateTests
{
    [Theory]
    [InlineData("build", "main.bicep", "--stdout")]
    [InlineData("lint", "main.bicep")]
    [InlineData("build-params", "main.bicepparam", "--stdout")]
    public async Task The_templates_compile_without_a_warning(params string[] arguments)
    {
        var run = await Bicep.RunAsync(arguments);

        Assert.True(run.ExitCode == 0, $"bicep {string.Join(' ', arguments)} exited with {run.ExitCode}:\n{run.Diagnostics}");
        Assert.DoesNotContain(": Warning ", run.Diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain(": Error ", run.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_parameter_is_described()
    {
        var template = await Bicep.MainTemplateAsync();

        var undescribed = template.Parameters.EnumerateObject()
            .Where(p => !p.Value.TryGetProperty("metadata", out var metadata) || !metadata.TryGetProperty("description", out _))
            .Select(p => p.Name)
            .ToList();

        Assert.NotEmpty(template.Parameters.EnumerateObject());
        Assert.Empty(undescribed);
    }

    [Fact]
    public async Task The_bot_is_a_user_assigned_managed_identity_by_default_with_SingleTenant_as_the_option()
    {
        var template = await Bicep.MainTemplateAsync();
        var appType = template.Parameters.EnumerateObject().Single(p =>
            p.Value.TryGetProperty("allowedValues", out var allowed) && allowed.EnumerateArray().Any(v => v.GetString() == "UserAssignedMSI"));

        Assert.Equal("UserAssignedMSI", appType.Value.GetProperty("defaultValue").GetString());
        Assert.Equal(["SingleTenant", "UserAssignedMSI"], appType.Value.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()).Order());
        var bot = Assert.Single(template.OfType("Microsoft.BotService/botServices"));
        Assert.Equal("global", bot.At("location"));
        Assert.Contains("/api/messages", bot.At("properties.endpoint"), StringComparison.Ordinal);
        Assert.NotNull(bot.At("properties.msaAppMSIResourceId"));
        // Teams is the one enabled channel (SecurityTemplateTests).
        Assert.Contains(template.OfType("Microsoft.BotService/botServices/channels"), c => c.At("properties.channelName") == "MsTeamsChannel");
    }

    [Fact]
    public async Task The_web_app_runs_dotnet_10_on_https_only_and_on_several_instances()
    {
        var template = await Bicep.MainTemplateAsync();

        var site = Assert.Single(template.OfType("Microsoft.Web/sites"));
        Assert.Equal("true", site.At("properties.httpsOnly"));
        Assert.Equal("DOTNETCORE|10.0", site.At("properties.siteConfig.linuxFxVersion"));
        Assert.Equal("1.2", site.At("properties.siteConfig.minTlsVersion"));
        Assert.Equal("/healthz", site.At("properties.siteConfig.healthCheckPath"));
        Assert.Contains("UserAssigned", site.At("identity.type"), StringComparison.Ordinal);
        var plan = Assert.Single(template.OfType("Microsoft.Web/serverfarms"));
        Assert.Equal("true", plan.At("properties.reserved"));
        var instances = template.Parameters.GetProperty("instanceCount");
        Assert.True(instances.GetProperty("defaultValue").GetInt32() >= 2, "The bot holds no state in process: it should run on several instances.");
    }

    [Fact]
    public async Task Storage_takes_TLS_1_2_and_up_and_no_public_blobs_and_the_data_identity_may_use_its_tables()
    {
        var template = await Bicep.MainTemplateAsync();

        var account = Assert.Single(template.OfType("Microsoft.Storage/storageAccounts"));
        Assert.Equal("TLS1_2", account.At("properties.minimumTlsVersion"));
        Assert.Equal("false", account.At("properties.allowBlobPublicAccess"));
        Assert.Equal("false", account.At("properties.allowSharedKeyAccess"));
        Assert.Single(template.OfType("Microsoft.Storage/storageAccounts/tableServices/tables"));
        var grant = Assert.Single(template.OfType("Microsoft.Authorization/roleAssignments"), r => r.At("scope")!.Contains("Microsoft.Storage/storageAccounts", StringComparison.Ordinal));
        // Storage Table Data Contributor.
        Assert.Contains("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", grant.At("properties.roleDefinitionId"), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", grant.At("properties.principalType"));
    }

    [Fact]
    public async Task The_app_settings_are_the_ones_the_bot_reads_and_hold_no_storage_key()
    {
        var settings = AppSettings.Of(await Bicep.MainTemplateAsync());

        Assert.Equal(
            ["APPLICATIONINSIGHTS_CONNECTION_STRING", "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "ConnectorPacing__Instances",
             "Graph__Enabled", "MapLinks__BaseUrl",
             "MapLinks__SigningKeys__0", "MapLinks__SigningKeys__1",
             "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", "MicrosoftAppType", "Planner__Enabled",
             "Storage__ManagedIdentityClientId", "Storage__TableName", "Storage__TableServiceUri"],
            settings.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(settings.Values, v => v.Contains("listKeys", StringComparison.OrdinalIgnoreCase));
    }

    // Requests reach any instance, and each paces its sends into a thread alone: each must know how
    // many share Teams' per-thread limits, or together they draw 429s.
    [Fact]
    public async Task Each_instance_is_told_the_instance_count_to_pace_its_share_of_a_threads_sends()
    {
        var template = await Bicep.MainTemplateAsync();

        Assert.Contains("instanceCount", AppSettings.Of(template)["ConnectorPacing__Instances"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Departments_are_read_from_Graph_only_when_the_deployment_asks_for_it()
    {
        var template = await Bicep.MainTemplateAsync();

        // Reading profiles needs an admin to grant User.Read.All first: off unless asked for.
        Assert.False(template.Parameters.GetProperty("readDepartmentsFromGraph").GetProperty("defaultValue").GetBoolean());
        Assert.Contains("graphEnabled", AppSettings.Of(template)["Graph__Enabled"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_go_to_Planner_only_when_the_deployment_asks_for_it()
    {
        var template = await Bicep.MainTemplateAsync();

        // Planner needs an admin to grant Tasks.ReadWrite.All and Group.Read.All first: off unless asked for.
        Assert.False(template.Parameters.GetProperty("sendActionsToPlanner").GetProperty("defaultValue").GetBoolean());
        Assert.Contains("plannerEnabled", AppSettings.Of(template)["Planner__Enabled"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Telemetry_goes_to_a_workspace_based_Application_Insights_whose_connection_string_the_bot_gets()
    {
        var template = await Bicep.MainTemplateAsync();

        var workspace = Assert.Single(template.OfType("Microsoft.OperationalInsights/workspaces"));
        Assert.Equal("PerGB2018", workspace.At("properties.sku.name"));
        // The web app's template names the component as an existing resource too.
        var component = Assert.Single(template.OfType("Microsoft.Insights/components"), c => c.At("existing") != "true");
        Assert.Equal("web", component.At("properties.Application_Type"));
        Assert.Contains("Microsoft.OperationalInsights/workspaces", component.At("properties.WorkspaceResourceId"), StringComparison.Ordinal);
        var connectionString = AppSettings.Of(template)["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        // The component's own connection string, read where the web app's template declares it as existing.
        Assert.Matches(@"^\[reference\('\w+'\)\.ConnectionString\]$", connectionString);
        Assert.Contains(template.OfType("Microsoft.Insights/components"), c => c.At("existing") == "true");
    }

    [Fact]
    public async Task The_outputs_give_what_the_app_package_needs()
    {
        var template = await Bicep.MainTemplateAsync();

        Assert.Contains("botAppId", template.OutputNames);
        Assert.Contains("botDomain", template.OutputNames);
        Assert.Contains("messagingEndpoint", template.OutputNames);
        var outputs = template.Root.GetProperty("outputs");
        Assert.Equal(JsonValueKind.Object, outputs.ValueKind);
    }
}
