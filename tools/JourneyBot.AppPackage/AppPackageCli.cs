namespace JourneyBot.AppPackage;

/// <summary>
/// The packager's commands: <c>package</c> (what manifest/package.sh runs), <c>validate</c> and
/// <c>icons</c>. Exit codes: 0 done, 1 a file of the package is missing or broken or could not be
/// written, 2 the options cannot be used (nothing is written).
/// </summary>
internal static class AppPackageCli
{
    /// <summary>Exit code when the package's own files are at fault.</summary>
    public const int InputBroken = 1;

    /// <summary>Exit code when the user's options are at fault.</summary>
    public const int UsageError = 2;

    /// <summary>Runs one command; the environment is passed in so tests need not change the process's.</summary>
    public static int Run(IReadOnlyList<string> args, Func<string, string?> environment, TextWriter output, TextWriter error)
    {
        try
        {
            var rest = args.Skip(1).ToList();
            switch (args.Count == 0 ? null : args[0])
            {
                case "package":
                    return Package(OptionArgs.Parse(rest, PackageSettings.Options, environment), output, error);
                case "validate":
                    return Validate(OptionArgs.Parse(rest, ["--manifest-dir"], environment), output);
                case "icons":
                    return Icons(OptionArgs.Parse(rest, ["--output"], environment), output);
                case "--help" or "-h" or "help":
                    output.Write(HelpText.Overview);
                    return 0;
                case null:
                    error.Write(HelpText.Overview);
                    return UsageError;
                case var other:
                    throw new UsageException($"unknown command '{other}'; the commands are package, validate and icons (see --help).");
            }
        }
        catch (UsageException e)
        {
            error.WriteLine(e.Message);
            return UsageError;
        }
        catch (PackageInputException e)
        {
            error.WriteLine(e.Message);
            return InputBroken;
        }
    }

    private static int Package(OptionArgs options, TextWriter output, TextWriter error)
    {
        if (options.HelpWanted)
        {
            output.Write(HelpText.Package);
            return 0;
        }

        var settings = PackageSettings.Read(options);
        var zip = PackageWriter.Write(settings);
        // On standard error, so a script that captures the output still shows them to the user.
        foreach (var reminder in settings.Reminders)
        {
            error.WriteLine("note: " + reminder);
        }

        output.WriteLine($"JourneyBot {settings.Version}: Teams app {settings.TeamsAppId}, bot {settings.BotAppId} on {settings.Domain}");
        // Last, alone on its line, so a script can take it with tail -n 1.
        output.WriteLine(zip);
        return 0;
    }

    private static int Validate(OptionArgs options, TextWriter output)
    {
        if (options.HelpWanted)
        {
            output.Write(HelpText.Validate);
            return 0;
        }

        var folder = options.Get("--manifest-dir").Value is { } given ? Path.GetFullPath(given) : PackageFiles.RepositoryManifestFolder();
        PackageWriter.Prepare(Example(folder));
        output.WriteLine($"{folder}: {PackageFiles.Manifest} fills in as JSON, {PackageFiles.ColorIcon} is {IconArt.ColorSize}×{IconArt.ColorSize} and opaque, " +
            $"{PackageFiles.OutlineIcon} is {IconArt.OutlineSize}×{IconArt.OutlineSize} white on transparency.");
        return 0;
    }

    private static int Icons(OptionArgs options, TextWriter output)
    {
        if (options.HelpWanted)
        {
            output.Write(HelpText.Icons);
            return 0;
        }

        var folder = options.Get("--output").Value is { } given ? Path.GetFullPath(given) : PackageFiles.RepositoryManifestFolder();
        var color = IconArt.ColorPng();
        var outline = IconArt.OutlinePng();
        // The drawing is checked by the same rules as a package, so a change to the art that breaks
        // them is caught here rather than at the next upload.
        var problems = IconCheck.ColorProblems(color).Concat(IconCheck.OutlineProblems(outline)).ToList();
        if (problems.Count > 0)
        {
            throw new PackageInputException("the icons as drawn break Teams' rules: " + string.Join(" ", problems));
        }

        Directory.CreateDirectory(folder);
        foreach (var (name, png) in new[] { (PackageFiles.ColorIcon, color), (PackageFiles.OutlineIcon, outline) })
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, png);
            output.WriteLine(path);
        }

        return 0;
    }

    // Values of the right shape, so the template and the icons can be checked without a deployment.
    private static PackageSettings Example(string folder) => new()
    {
        ManifestFolder = folder,
        TeamsAppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
        BotAppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
        Domain = "journeybot.example.com",
        Version = "1.0.0",
        WebsiteUrl = "https://journeybot.example.com/",
        PrivacyUrl = "https://journeybot.example.com/privacy",
        TermsUrl = "https://journeybot.example.com/terms",
        OutputPath = Path.Combine(folder, "build", "validate.zip"),
    };
}
