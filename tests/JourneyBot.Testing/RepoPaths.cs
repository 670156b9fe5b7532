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

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JourneyBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("JourneyBot.sln not found above " + AppContext.BaseDirectory);
    }
}
