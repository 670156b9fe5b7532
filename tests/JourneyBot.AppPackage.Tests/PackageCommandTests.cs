using JourneyBot.Testing;

namespace JourneyBot.AppPackage.Tests;

/// <summary>The packager as users run it: a program of its own, and manifest/package.sh around it.</summary>
public sealed class PackageCommandTests : IDisposable
{
    private static readonly string PackagerDll = Path.Combine(AppContext.BaseDirectory, "JourneyBot.AppPackage.dll");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_packager_program_writes_the_package_and_prints_its_path_last()
    {
        var zip = _temp.PathOf("out", "journeybot.zip");

        var result = await ProcessRun.RunAsync("dotnet", [PackagerDll, "package", .. Samples.RequiredOptions(zip)], _temp.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(zip, result.LastLine);
        Assert.Equal(["color.png", "es-es.json", "manifest.json", "outline.png", "ro-ro.json"], new ZipContents(zip).Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_packager_program_refuses_an_address_for_a_domain_with_exit_code_2()
    {
        var result = await ProcessRun.RunAsync("dotnet",
            [PackagerDll, "package", "--app-id", Samples.BotAppId, "--domain", "https://journeybot.azurewebsites.net", "--output", _temp.PathOf("journeybot.zip")],
            _temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("--domain takes a host name like journeybot.azurewebsites.net, not 'https://journeybot.azurewebsites.net' (pass journeybot.azurewebsites.net).\n", result.Error);
        Assert.Empty(_temp.Files());
    }

    [Fact]
    public async Task Package_sh_runs_the_packager_project_from_any_folder_and_passes_every_argument_as_given()
    {
        var elsewhere = Directory.CreateDirectory(_temp.PathOf("elsewhere")).FullName;

        var result = await PackageShAsync(elsewhere, "--app-id", Samples.BotAppId, "--domain", Samples.Domain, "--output", "my package.zip");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            ["run", "--project", Path.Combine(RepoPaths.Root, "tools", "JourneyBot.AppPackage"), "-c", "Release", "-v", "quiet", "--",
             "package", "--app-id", Samples.BotAppId, "--domain", Samples.Domain, "--output", "my package.zip"],
            await File.ReadAllLinesAsync(_temp.PathOf("dotnet-args.txt"), TestContext.Current.CancellationToken));
        var zip = Path.Combine(elsewhere, "my package.zip");
        Assert.Equal(zip, result.LastLine);
        Assert.True(File.Exists(zip));
    }

    [Fact]
    public async Task Package_sh_hands_back_the_packager_refusal_and_its_exit_code()
    {
        var result = await PackageShAsync(_temp.Path, "--app-id", "nope", "--domain", Samples.Domain);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("--app-id takes the bot's Microsoft app id, a GUID like", result.Error, StringComparison.Ordinal);
    }

    // Runs manifest/package.sh with a stand-in dotnet first on PATH: it records how the script calls
    // dotnet, then runs the packager this test project has already built with what follows "--", so
    // the test needs no second build of the project (and leaves the repository's bin/ alone).
    private async Task<CommandResult> PackageShAsync(string workingDirectory, params string[] arguments)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("manifest/package.sh is a bash script.");
        }

        var bin = Directory.CreateDirectory(_temp.PathOf("stub-bin")).FullName;
        var stub = Path.Combine(bin, "dotnet");
        await File.WriteAllTextAsync(stub, """
            #!/usr/bin/env bash
            printf '%s\n' "$@" > "$RECORDED_ARGS"
            while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do shift; done
            shift
            exec "$REAL_DOTNET" "$PACKAGER_DLL" "$@"
            """, TestContext.Current.CancellationToken);
        File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = bin + Path.PathSeparator + path,
            ["RECORDED_ARGS"] = _temp.PathOf("dotnet-args.txt"),
            ["REAL_DOTNET"] = RealDotnet(path),
            ["PACKAGER_DLL"] = PackagerDll,
        };

        return await ProcessRun.RunAsync("bash", [Path.Combine(RepoPaths.Root, "manifest", "package.sh"), .. arguments], workingDirectory, environment);
    }

    private static string RealDotnet(string path) =>
        path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "dotnet"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("dotnet is not on PATH.");
}
