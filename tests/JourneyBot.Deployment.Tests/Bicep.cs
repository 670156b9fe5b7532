using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using JourneyBot.Testing;

namespace JourneyBot.Deployment.Tests;

/// <summary>What one run of the bicep compiler printed.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Standard output: the ARM JSON with <c>--stdout</c>.</param>
/// <param name="Diagnostics">Standard error: one line per warning or error.</param>
public sealed record BicepRun(int ExitCode, string Output, string Diagnostics);

/// <summary>
/// The bicep compiler from the NuGet package <c>Azure.Bicep.CommandLine.linux-x64</c> (its path is
/// baked into this assembly at build time), so the templates are checked with no Azure CLI.
/// </summary>
public static class Bicep
{
    private static readonly Lazy<string> Executable = new(FindExecutable);
    private static readonly Lazy<Task<ArmTemplate>> MainTemplate = new(CompileMainAsync);

    /// <summary>The deployment folder.</summary>
    public static string Folder => Path.Combine(RepoPaths.Root, "deployment");

    /// <summary>Runs <c>bicep</c> with <paramref name="arguments"/> in the deployment folder.</summary>
    public static async Task<BicepRun> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(Executable.Value)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // No telemetry, no update checks: the compiler stays offline.
        info.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bicep did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return new BicepRun(process.ExitCode, await output, await errors);
    }

    /// <summary>The ARM template <c>deployment/main.bicep</c> compiles to, compiled once per test run.</summary>
    public static Task<ArmTemplate> MainTemplateAsync() => MainTemplate.Value;

    private static async Task<ArmTemplate> CompileMainAsync()
    {
        var run = await RunAsync("build", "main.bicep", "--stdout");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({run.ExitCode}):\n{run.Diagnostics}");
        }

        return new ArmTemplate(JsonDocument.Parse(run.Output).RootElement.Clone());
    }

    private static string FindExecutable()
    {
        var path = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException($"The bicep compiler from NuGet is not at '{path}': restore tests/JourneyBot.Deployment.Tests.");
        }

        // NuGet does not always keep the executable bit when it extracts a package.
        if (OperatingSystem.IsWindows())
        {
            return path;
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }

        return path;
    }
}
