namespace JourneyBot.AppPackage.Tests;

/// <summary>How a packager command ended and what it printed.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Error)
{
    /// <summary>The last line the command printed on standard output.</summary>
    public string LastLine => Output.TrimEnd('\n', '\r').Split('\n').Last().TrimEnd('\r');

    public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
