namespace JourneyBot.AppPackage.Tests;

/// <summary>What the package command writes: the manifest filled in, its icons and its translations, at the zip's root.</summary>
public sealed class PackageZipTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_zip_holds_the_manifest_the_two_icons_and_the_two_language_files_at_its_root_and_nothing_else()
    {
        var zip = _temp.PathOf("journeybot.zip");

        var result = Packager.Package(zip);

        Assert.Equal(zip, result.LastLine);
        Assert.Equal(["color.png", "es-es.json", "manifest.json", "outline.png", "ro-ro.json"], new ZipContents(zip).Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_icons_in_the_zip_are_the_ones_in_manifest_folder()
    {
        var zip = _temp.PathOf("journeybot.zip");

        Packager.Package(zip);

        var contents = new ZipContents(zip);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Samples.ManifestFolder, "color.png")), contents["color.png"]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Samples.ManifestFolder, "outline.png")), contents["outline.png"]);
    }

    [Fact]
    public void The_manifest_carries_the_given_ids_domain_version_and_links_and_no_placeholder()
    {
        var zip = _temp.PathOf("journeybot.zip");

        Packager.Package(zip, "--teams-app-id", Samples.TeamsAppId, "--version", Samples.Version,
            "--website-url", "https://contoso.com/journeybot", "--privacy-url", "https://contoso.com/privacy", "--terms-url", "https://contoso.com/terms");

        var contents = new ZipContents(zip);
        Assert.DoesNotContain("{{", contents.ManifestText, StringComparison.Ordinal);
        var manifest = contents.Manifest;
        Assert.Equal(Samples.TeamsAppId, (string?)manifest["id"]);
        Assert.Equal(Samples.BotAppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal([Samples.Domain], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal(Samples.Version, (string?)manifest["version"]);
        Assert.Equal("https://contoso.com/journeybot", (string?)manifest["developer"]!["websiteUrl"]);
        Assert.Equal("https://contoso.com/privacy", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.Equal("https://contoso.com/terms", (string?)manifest["developer"]!["termsOfUseUrl"]);
    }

    [Fact]
    public void Left_out_the_Teams_app_takes_the_bot_id_version_1_0_0_and_the_bot_site_for_every_link_with_a_reminder()
    {
        var zip = _temp.PathOf("journeybot.zip");

        var result = Packager.Package(zip);

        var manifest = new ZipContents(zip).Manifest;
        Assert.Equal(Samples.BotAppId, (string?)manifest["id"]);
        Assert.Equal("1.0.0", (string?)manifest["version"]);
        var site = $"https://{Samples.Domain}/";
        Assert.Equal([site, site, site], new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" }.Select(k => (string?)manifest["developer"]![k]));
        Assert.Equal(
            [$"note: --privacy-url was not given, so the privacy statement link points at {site}; put your organisation's own privacy statement there, or pass --privacy-url (PRIVACY_URL).",
             $"note: --terms-url was not given, so the terms of use link points at {site}; put your organisation's own terms of use there, or pass --terms-url (TERMS_URL)."],
            result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Environment_variables_stand_in_for_left_out_options_and_options_win_over_them()
    {
        var zip = _temp.PathOf("journeybot.zip");
        var environment = new Dictionary<string, string>
        {
            ["BOT_APP_ID"] = Samples.BotAppId,
            ["BOT_DOMAIN"] = Samples.Domain,
            ["APP_VERSION"] = "9.9.9",
            ["TEAMS_APP_ID"] = Samples.TeamsAppId,
            ["WEBSITE_URL"] = "https://contoso.com/",
            ["PRIVACY_URL"] = "https://contoso.com/privacy",
            ["TERMS_URL"] = "https://contoso.com/terms",
        };

        var result = Packager.Run(environment, "package", "--version", Samples.Version, "--output", zip);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Error);
        var manifest = new ZipContents(zip).Manifest;
        Assert.Equal(Samples.Version, (string?)manifest["version"]);
        Assert.Equal(Samples.TeamsAppId, (string?)manifest["id"]);
        Assert.Equal(Samples.BotAppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(Samples.Domain, (string?)manifest["validDomains"]![0]);
        Assert.Equal("https://contoso.com/terms", (string?)manifest["developer"]!["termsOfUseUrl"]);
    }

    [Fact]
    public void The_default_output_is_manifest_build_journeybot_version_zip()
    {
        var options = OptionArgs.Parse(["--app-id", Samples.BotAppId, "--domain", Samples.Domain, "--version", Samples.Version],
            PackageSettings.Options, _ => null);

        var settings = PackageSettings.Read(options);

        Assert.Equal(Path.Combine(Samples.ManifestFolder, "build", "journeybot-2.3.4.zip"), settings.OutputPath);
    }

    [Fact]
    public void A_new_package_replaces_the_old_one_and_leaves_no_temporary_file()
    {
        var zip = _temp.PathOf("journeybot.zip");
        Packager.Package(zip, "--version", "1.0.0");

        Packager.Package(zip, "--version", "1.0.1");

        Assert.Equal("1.0.1", (string?)new ZipContents(zip).Manifest["version"]);
        Assert.Equal(["journeybot.zip"], _temp.Files());
    }

    [Fact]
    public void A_package_that_cannot_be_moved_into_place_fails_and_leaves_no_partial_zip()
    {
        // A folder where the zip should go: the zip is written in full beside it, then cannot take its place.
        var zip = _temp.PathOf("journeybot.zip");
        Directory.CreateDirectory(zip);

        var result = Packager.Run(["package", .. Samples.RequiredOptions(zip)]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"could not write {zip}", result.Error, StringComparison.Ordinal);
        Assert.True(Directory.Exists(zip));
        Assert.Empty(_temp.Files());
    }
}
