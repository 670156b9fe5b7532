namespace JourneyBot.Testing;

/// <summary>
/// Lines for the end of the test command's output: where screenshots were saved, what sizes were
/// measured. scripts/test.sh empties the file before the run and prints it after.
/// </summary>
public static class RunSummary
{
    private static readonly Lock Gate = new();

    /// <summary>Adds a line.</summary>
    public static void Add(string line)
    {
        lock (Gate)
        {
            File.AppendAllLines(Path.Combine(RepoPaths.Artifacts(string.Empty), "summary.txt"), [line]);
        }
    }

    /// <summary>Records a saved screenshot, relative to the repository.</summary>
    public static void Screenshot(string path) => Add("screenshot: " + Path.GetRelativePath(RepoPaths.Root, path));
}
