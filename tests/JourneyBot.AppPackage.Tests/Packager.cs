namespace JourneyBot.AppPackage.Tests;

/// <summary>The packager's commands, run in-process with an environment of the test's choosing.</summary>
internal static class Packager
{
    public static CommandResult Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    public static CommandResult Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = AppPackageCli.Run(args, name => environment.GetValueOrDefault(name), output, error);
        return new CommandResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Writes a package with the sample ids to <paramref name="zip"/>, failing the test if it cannot.</summary>
    public static CommandResult Package(string zip, params string[] moreOptions)
    {
        var result = Run([.. new[] { "package" }, .. Samples.RequiredOptions(zip), .. moreOptions]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
