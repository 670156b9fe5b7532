namespace JourneyBot.AppPackage;

/// <summary>What --help prints for each command.</summary>
internal static class HelpText
{
    public const string Overview =
        """
        JourneyBot's Teams app package.

          manifest/package.sh [options]      write the package (the package command; --help for its options)
          <packager> validate [--manifest-dir <folder>]
                                             check manifest.json and the icons without writing anything
          <packager> icons [--output <folder>]
                                             redraw color.png and outline.png (default: the repository's manifest/)

        <packager> is: dotnet run --project tools/JourneyBot.AppPackage --
        Exit codes: 0 done; 1 a file of the package is missing or broken; 2 an option cannot be used.

        """;

    public const string Package =
        """
        manifest/package.sh: write the Teams app package (manifest.json and the two icons, zipped).

          --app-id <GUID>          the bot's Microsoft app id (deployment output botAppId)    env BOT_APP_ID, required
          --domain <host>          the bot's host name, like journeybot.azurewebsites.net
                                   (deployment output botDomain)                              env BOT_DOMAIN, required
          --version <x.y.z>        the app version; raise it for every update                 env APP_VERSION, default 1.0.0
          --teams-app-id <GUID>    the Teams app's id                                         env TEAMS_APP_ID, default the bot's app id
          --website-url <https>    developer website                                          env WEBSITE_URL, default https://<domain>/
          --privacy-url <https>    privacy statement                                          env PRIVACY_URL, default the website
          --terms-url <https>      terms of use                                               env TERMS_URL, default the website
          --output <zip>           where to write it             default manifest/build/journeybot-<version>.zip
          --manifest-dir <folder>  where manifest.json and the icons are; default the repository's manifest/

        An option wins over its environment variable. The last line printed is the zip's path.

        """;

    public const string Validate =
        """
        validate [--manifest-dir <folder>]: fill manifest.json in with example values and check that it is JSON
        naming color.png and outline.png, that color.png is 192×192 and opaque, and that outline.png is 32×32,
        white on full transparency. Writes nothing. (The schema itself is checked by the tests, offline.)

        """;

    public const string Icons =
        """
        icons [--output <folder>]: draw color.png (192×192, the motif in white on the accent colour) and
        outline.png (32×32, white on transparency) into the folder, by default the repository's manifest/.

        """;
}
