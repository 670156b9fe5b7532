using System.Text.Json.Nodes;

namespace JourneyBot.AppPackage.Tests;

/// <summary>The manifest, as the packager fills it in, against the Teams v1.22 schema, offline.</summary>
public sealed class ManifestSchemaTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_packaged_manifest_is_valid_against_the_v1_22_schema()
    {
        var manifest = PackagedManifest();

        Assert.Empty(await ManifestValidator.ErrorsAsync(manifest, _temp));
    }

    [Fact]
    public void The_manifest_names_the_v1_22_schema_and_version()
    {
        var manifest = PackagedManifest();

        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        Assert.Equal("1.22", (string?)manifest["manifestVersion"]);
    }

    [Fact]
    public async Task The_validator_reports_a_short_name_over_30_characters()
    {
        var manifest = PackagedManifest();
        manifest["name"]!["short"] = new string('J', 40);

        var errors = await ManifestValidator.ErrorsAsync(manifest, _temp);

        Assert.Contains(errors, e => e.Contains("/name/short", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_validator_reports_a_missing_privacy_url()
    {
        var manifest = PackagedManifest();
        manifest["developer"]!.AsObject().Remove("privacyUrl");

        var errors = await ManifestValidator.ErrorsAsync(manifest, _temp);

        Assert.Contains(errors, e => e.Contains("privacyUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_validator_reports_a_bot_id_that_is_no_GUID_and_a_fourth_command_list()
    {
        var manifest = PackagedManifest();
        var bot = manifest["bots"]![0]!;
        bot["botId"] = "journeybot";
        bot["commandLists"]!.AsArray().Add(bot["commandLists"]![0]!.DeepClone());

        var errors = await ManifestValidator.ErrorsAsync(manifest, _temp);

        Assert.Contains(errors, e => e.Contains("/bots/0/botId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/bots/0/commandLists", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bot_asks_for_resource_specific_consent_to_read_channel_and_chat_messages_for_its_own_app()
    {
        var manifest = PackagedManifest();

        // Teams grants resource-specific consent to the app webApplicationInfo names: the bot's own.
        Assert.Equal(Samples.BotAppId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal($"https://{Samples.Domain}", (string?)manifest["webApplicationInfo"]!["resource"]);
        var permissions = manifest["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray()
            .Select(p => ((string?)p!["name"], (string?)p["type"]));
        Assert.Equal([("ChannelMessage.Read.Group", "Application"), ("ChatMessage.Read.Chat", "Application")], permissions);
    }

    [Fact]
    public async Task The_validator_reports_a_resource_specific_permission_of_an_unknown_type()
    {
        var manifest = PackagedManifest();
        manifest["authorization"]!["permissions"]!["resourceSpecific"]![0]!["type"] = "App";

        var errors = await ManifestValidator.ErrorsAsync(manifest, _temp);

        Assert.Contains(errors, e => e.Contains("/authorization/permissions/resourceSpecific/0/type", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_validator_refuses_a_schema_the_package_does_not_bundle_rather_than_download_it()
    {
        // v1.18 was never published, so the package has no file for it: the validator must stop
        // there instead of fetching the address.
        var manifest = PackagedManifest();
        manifest["$schema"] = "https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json";

        var result = await ManifestValidator.RunAsync(manifest, _temp);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("@microsoft/app-manifest has no", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    private JsonNode PackagedManifest()
    {
        var zip = _temp.PathOf("journeybot.zip");
        Packager.Package(zip, "--teams-app-id", Samples.TeamsAppId, "--version", Samples.Version);
        return new ZipContents(zip).Manifest;
    }
}
