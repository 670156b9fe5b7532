namespace JourneyBot.AppPackage.Tests;

/// <summary>The packager refuses what it cannot use: exit code 2, one line naming the option, and no zip.</summary>
public sealed class BadInputTests : IDisposable
{
    private const string AppId = Samples.BotAppId;
    private const string Domain = Samples.Domain;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string[], string> Refusals => new()
    {
        { ["--domain", Domain], "--app-id is missing: pass the bot's Microsoft app id (the deployment output botAppId), or set BOT_APP_ID." },
        { ["--app-id", "journeybot", "--domain", Domain], "--app-id takes the bot's Microsoft app id, a GUID like" },
        { ["--app-id", "{" + AppId + "}", "--domain", Domain], "--app-id takes the bot's Microsoft app id, a GUID like" },
        { ["--app-id", AppId, "--teams-app-id", "12345", "--domain", Domain], "--teams-app-id takes the Teams app's id, a GUID like" },
        { ["--app-id", AppId], "--domain is missing: pass the bot's host name (the deployment output botDomain), or set BOT_DOMAIN." },
        {
            ["--app-id", AppId, "--domain", "https://journeybot.azurewebsites.net/"],
            "--domain takes a host name like journeybot.azurewebsites.net, not 'https://journeybot.azurewebsites.net/' (pass journeybot.azurewebsites.net)."
        },
        { ["--app-id", AppId, "--domain", "bot.contoso.com/api/messages"], "--domain takes a host name like journeybot.azurewebsites.net, not 'bot.contoso.com/api/messages' (pass bot.contoso.com)." },
        { ["--app-id", AppId, "--domain", "bot.contoso.com:443"], "--domain takes a host name like journeybot.azurewebsites.net, not 'bot.contoso.com:443' (pass bot.contoso.com)." },
        { ["--app-id", AppId, "--domain", "bot contoso.com"], "--domain takes a host name like journeybot.azurewebsites.net, not 'bot contoso.com'." },
        { ["--app-id", AppId, "--domain", "10.1.2.3"], "--domain takes a host name like journeybot.azurewebsites.net, not '10.1.2.3'." },
        { ["--app-id", AppId, "--domain", Domain, "--version", "1.0"], "--version takes major.minor.patch numbers like 1.0.0 or 1.2.10, not '1.0'." },
        { ["--app-id", AppId, "--domain", Domain, "--version", "v1.0.0"], "--version takes major.minor.patch numbers like 1.0.0 or 1.2.10, not 'v1.0.0'." },
        { ["--app-id", AppId, "--domain", Domain, "--version", "1.0.0-beta"], "--version takes major.minor.patch numbers" },
        { ["--app-id", AppId, "--domain", Domain, "--version", "01.0.0"], "--version takes major.minor.patch numbers" },
        { ["--app-id", AppId, "--domain", Domain, "--website-url", "http://contoso.com/"], "--website-url takes an absolute https:// address like https://contoso.com/journeybot, not 'http://contoso.com/'." },
        { ["--app-id", AppId, "--domain", Domain, "--privacy-url", "/privacy"], "--privacy-url takes an absolute https:// address like https://contoso.com/privacy, not '/privacy'." },
        { ["--app-id", AppId, "--domain", Domain, "--terms-url", "ftp://contoso.com/terms"], "--terms-url takes an absolute https:// address" },
        { ["--app-id", AppId, "--domain", Domain, "--website-url", "https://{{BOT_DOMAIN}}/"], "--website-url has a {{…}} placeholder in it ('https://{{BOT_DOMAIN}}/'); pass the real value." },
        { ["--app-id", "{{BOT_APP_ID}}", "--domain", Domain], "--app-id has a {{…}} placeholder in it" },
        { ["--app-id", AppId, "--domian", Domain], "unknown option --domian; the options are --app-id, --domain," },
        { ["--app-id", AppId, "--domain", Domain, "--domain", Domain], "--domain is given twice; pass it once." },
        { ["--app-id", AppId, "--domain"], "--domain needs a value after it." },
        { ["--app-id", AppId, "--domain", Domain, "--output", "journeybot.tar"], "--output takes the path of the .zip to write" },
        { ["--app-id", AppId, "--domain", Domain, "--manifest-dir", "no/such/folder"], "--manifest-dir takes the folder holding manifest.json and the icons" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void The_packager_refuses_with_exit_code_2_and_one_line_that_names_the_option(string[] options, string message)
    {
        var zip = _temp.PathOf("journeybot.zip");

        var result = Packager.Run([
            "package", .. options, .. options.Contains("--output") ? Array.Empty<string>() : ["--output", zip]]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(message, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Empty(result.Output);
        Assert.Empty(_temp.Files());
    }

    [Fact]
    public void A_bad_environment_variable_is_named_as_such()
    {
        var result = Packager.Run(new Dictionary<string, string> { ["BOT_APP_ID"] = "not-a-guid", ["BOT_DOMAIN"] = Domain },
            "package", "--output", _temp.PathOf("journeybot.zip"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("BOT_APP_ID (--app-id) takes the bot's Microsoft app id, a GUID like", result.Error, StringComparison.Ordinal);
        Assert.Empty(_temp.Files());
    }

    [Fact]
    public void A_placeholder_the_packager_does_not_fill_is_refused_by_name()
    {
        var folder = Samples.CopyOfManifestFolder(_temp);
        var manifest = Path.Combine(folder, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("{{TERMS_URL}}", "{{SUPPORT_URL}}", StringComparison.Ordinal));
        var zip = _temp.PathOf("journeybot.zip");

        var result = Packager.Run(["package", .. Samples.RequiredOptions(zip), "--manifest-dir", folder]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("manifest.json still has {{SUPPORT_URL}} after filling in; the packager fills {{TEAMS_APP_ID}}", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public void An_unknown_command_is_refused_with_exit_code_2()
    {
        var result = Packager.Run("pack", "--app-id", AppId);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("unknown command 'pack'; the commands are package, validate and icons", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("journeybot.azurewebsites.net")]
    [InlineData("JourneyBot.AzureWebsites.NET")]
    [InlineData("bot-1.eu.contoso.co.uk")]
    public void A_host_name_is_taken_in_lower_case(string domain)
    {
        Assert.Equal(domain.ToLowerInvariant(), InputRules.HostName(domain, "--domain"));
    }
}
