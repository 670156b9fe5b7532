namespace JourneyBot.AppPackage;

/// <summary>Everything one package needs, checked: the values for manifest.json's placeholders and where things are.</summary>
internal sealed record PackageSettings
{
    /// <summary>The options of the package command.</summary>
    public static readonly string[] Options =
        ["--app-id", "--domain", "--version", "--teams-app-id", "--website-url", "--privacy-url", "--terms-url", "--output", "--manifest-dir"];

    /// <summary>The folder holding manifest.json and the icons.</summary>
    public required string ManifestFolder { get; init; }

    /// <summary>The Teams app's id (manifest id).</summary>
    public required string TeamsAppId { get; init; }

    /// <summary>The bot's Microsoft app id (bots[0].botId).</summary>
    public required string BotAppId { get; init; }

    /// <summary>The host the bot answers on (validDomains).</summary>
    public required string Domain { get; init; }

    /// <summary>The app version, major.minor.patch.</summary>
    public required string Version { get; init; }

    /// <summary>developer.websiteUrl.</summary>
    public required string WebsiteUrl { get; init; }

    /// <summary>developer.privacyUrl.</summary>
    public required string PrivacyUrl { get; init; }

    /// <summary>developer.termsOfUseUrl.</summary>
    public required string TermsUrl { get; init; }

    /// <summary>The zip to write, as a full path.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Things the user should know about the defaults that were taken.</summary>
    public IReadOnlyList<string> Reminders { get; init; } = [];

    /// <summary>manifest.json's placeholders (without the braces) and their values.</summary>
    public IReadOnlyDictionary<string, string> Placeholders => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TEAMS_APP_ID"] = TeamsAppId,
        ["BOT_APP_ID"] = BotAppId,
        ["BOT_DOMAIN"] = Domain,
        ["APP_VERSION"] = Version,
        ["WEBSITE_URL"] = WebsiteUrl,
        ["PRIVACY_URL"] = PrivacyUrl,
        ["TERMS_URL"] = TermsUrl,
    };

    /// <summary>Reads and checks the options (or their environment variables), filling in the defaults.</summary>
    public static PackageSettings Read(OptionArgs options)
    {
        var (appId, appIdSource) = Required(options, "--app-id", "BOT_APP_ID", "the bot's Microsoft app id (the deployment output botAppId)");
        var botAppId = InputRules.Guid(appId, appIdSource, "the bot's Microsoft app id");
        var (host, hostSource) = Required(options, "--domain", "BOT_DOMAIN", "the bot's host name (the deployment output botDomain)");
        var domain = InputRules.HostName(host, hostSource);

        var (version, versionSource) = options.Get("--version", "APP_VERSION");
        version = InputRules.Version(version ?? "1.0.0", versionSource);

        // One id for both is simplest; a separate Teams app id lets one bot back several apps.
        var (teamsAppId, teamsAppIdSource) = options.Get("--teams-app-id", "TEAMS_APP_ID");
        teamsAppId = teamsAppId is null ? botAppId : InputRules.Guid(teamsAppId, teamsAppIdSource, "the Teams app's id");

        var (website, websiteSource) = options.Get("--website-url", "WEBSITE_URL");
        website = InputRules.HttpsUrl(website ?? $"https://{domain}/", websiteSource, "https://contoso.com/journeybot");

        var reminders = new List<string>();
        string Link(string option, string variable, string example, string what)
        {
            var (url, source) = options.Get(option, variable);
            if (url is not null)
            {
                return InputRules.HttpsUrl(url, source, example);
            }

            reminders.Add($"{option} was not given, so the {what} link points at {website}; put your organisation's own {what} there, or pass {option} ({variable}).");
            return website;
        }

        var privacy = Link("--privacy-url", "PRIVACY_URL", "https://contoso.com/privacy", "privacy statement");
        var terms = Link("--terms-url", "TERMS_URL", "https://contoso.com/terms", "terms of use");

        var manifestFolder = ManifestFolderOf(options);
        return new PackageSettings
        {
            ManifestFolder = manifestFolder,
            TeamsAppId = teamsAppId,
            BotAppId = botAppId,
            Domain = domain,
            Version = version,
            WebsiteUrl = website,
            PrivacyUrl = privacy,
            TermsUrl = terms,
            OutputPath = OutputOf(options, manifestFolder, version),
            Reminders = reminders,
        };
    }

    private static (string Value, string Source) Required(OptionArgs options, string option, string variable, string what)
    {
        var (value, source) = options.Get(option, variable);
        return value is null
            ? throw new UsageException($"{option} is missing: pass {what}, or set {variable}.")
            : (value, source);
    }

    private static string ManifestFolderOf(OptionArgs options)
    {
        var (folder, source) = options.Get("--manifest-dir");
        if (folder is null)
        {
            return PackageFiles.RepositoryManifestFolder();
        }

        return Directory.Exists(folder)
            ? Path.GetFullPath(folder)
            : throw new UsageException($"{source} takes the folder holding {PackageFiles.Manifest} and the icons; '{folder}' is not a folder.");
    }

    private static string OutputOf(OptionArgs options, string manifestFolder, string version)
    {
        var (output, source) = options.Get("--output");
        if (output is null)
        {
            return Path.Combine(manifestFolder, "build", $"journeybot-{version}.zip");
        }

        return output.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && output.Trim().Length > ".zip".Length
            ? Path.GetFullPath(output)
            : throw new UsageException($"{source} takes the path of the .zip to write, like manifest/build/journeybot.zip; '{output}' does not end in .zip.");
    }
}
