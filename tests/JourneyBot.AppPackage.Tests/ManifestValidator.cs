using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyBot.Testing;

namespace JourneyBot.AppPackage.Tests;

/// <summary>
/// The Teams manifest schema check of npm @microsoft/app-manifest (pinned in tools/), run offline
/// by validate-manifest.js with the schema the package bundles.
/// </summary>
internal static class ManifestValidator
{
    /// <summary>The schema errors of <paramref name="manifest"/>; empty when it is valid.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(JsonNode manifest, TempFolder temp)
    {
        var result = await RunAsync(manifest, temp);
        Assert.True(result.ExitCode == 0, "the validator did not run: " + result);
        return JsonSerializer.Deserialize<string[]>(result.Output) ?? throw new InvalidOperationException("no output: " + result);
    }

    /// <summary>Runs validate-manifest.js on <paramref name="manifest"/>: exit code 0 and the errors as JSON, or 1 and why not.</summary>
    public static async Task<CommandResult> RunAsync(JsonNode manifest, TempFolder temp)
    {
        var tools = Path.Combine(RepoPaths.Root, "tools");
        if (!Directory.Exists(Path.Combine(tools, "node_modules", "@microsoft", "app-manifest")))
        {
            throw new InvalidOperationException("npm @microsoft/app-manifest is not installed: run scripts/ensure-tools.sh (scripts/test.sh does).");
        }

        var file = temp.PathOf($"manifest-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, manifest.ToJsonString(), TestContext.Current.CancellationToken);
        var script = Path.Combine(AppContext.BaseDirectory, "validate-manifest.js");
        return await ProcessRun.RunAsync("node", [script, tools, file], temp.Path);
    }
}
