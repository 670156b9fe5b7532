namespace JourneyBot.Testing;

/// <summary>Places in the repository, found from the test's own output folder.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding JourneyBot.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Where test runs leave screenshots and logs (ignored by git).</summary>
    public static string Artifacts(string subfolder)
    {
        var path = Path.Combine(Root, ".test-artifacts", subfolder);
        Directory.CreateDirectory(path);
        return path;
    }

    // From the running program's own folder (tests, the benchmark), or else from where it was started
    // (a build output outside the repository, as bench/run.sh allows).
    private static string FindRoot() =>
        Above(AppContext.BaseDirectory) ?? Above(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException("JourneyBot.sln not found above " + AppContext.BaseDirectory + " or the current directory.");

    private static string? Above(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JourneyBot.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
