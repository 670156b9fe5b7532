namespace JourneyBot.AppPackage.Tests;

/// <summary>A folder of the test's own, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("journeybot-apppackage-").FullName;

    public string Path { get; }

    public string PathOf(params string[] names) => System.IO.Path.Combine([Path, .. names]);

    /// <summary>Every file under the folder, relative to it, so a test can tell nothing else was left behind.</summary>
    public IReadOnlyList<string> Files() =>
        [.. Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Path, f)).Order(StringComparer.Ordinal)];

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
