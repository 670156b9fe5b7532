namespace JourneyBot.AppPackage;

/// <summary>The files of a Teams app package and where the repository keeps their sources.</summary>
internal static class PackageFiles
{
    /// <summary>The manifest, at the root of the zip, as Teams requires.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>The 192×192 colour icon, named so in manifest.json's icons.color.</summary>
    public const string ColorIcon = "color.png";

    /// <summary>The 32×32 outline icon, named so in manifest.json's icons.outline.</summary>
    public const string OutlineIcon = "outline.png";

    /// <summary>
    /// The repository's manifest/ folder, found from this program's own location, so the package
    /// command works from any working directory (dotnet run builds the program inside the repo).
    /// </summary>
    public static string RepositoryManifestFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JourneyBot.sln")))
            {
                return Path.Combine(dir.FullName, "manifest");
            }
        }

        throw new UsageException($"the repository's manifest/ folder was not found above {AppContext.BaseDirectory}; pass --manifest-dir <folder>.");
    }
}
