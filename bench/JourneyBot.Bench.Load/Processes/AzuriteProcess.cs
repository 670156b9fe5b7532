using System.Globalization;
using System.Text.RegularExpressions;

namespace JourneyBot.Bench.Load.Processes;

/// <summary>
/// Azurite's Table service (the pinned npm package in tools/) on a free loopback port, in memory:
/// a fresh one per configuration, so no configuration inherits another's tables.
/// </summary>
internal sealed partial class AzuriteProcess : IAsyncDisposable
{
    // Azurite's fixed development account and key (public, documented, local only).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ChildProcess _process;

    private AzuriteProcess(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The port its Table service listens on.</summary>
    public int Port { get; }

    /// <summary>The node process, for its CPU time.</summary>
    public int ProcessId => _process.Id;

    /// <summary>A connection string for its <c>devstoreaccount1</c> account.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    /// <summary>Starts Azurite and waits until it says it listens.</summary>
    public static async Task<AzuriteProcess> StartAsync(string repoRoot, string logPath, CancellationToken cancellationToken)
    {
        var tools = Path.Combine(repoRoot, "tools");
        var main = Path.Combine(tools, "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException($"Azurite is not installed ({main}): run scripts/ensure-tools.sh (bench/run.sh does).");
        }

        var port = FreePort.Next();
        var process = ChildProcess.Start("node",
            [main, "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture),
             "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent"],
            tools, new Dictionary<string, string>(), logPath);
        try
        {
            var started = await process.WaitForLineAsync(Started(), TimeSpan.FromSeconds(30), cancellationToken);
            if (started.Groups[1].Value != port.ToString(CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException($"Azurite started on port {started.Groups[1].Value}, not on {port}.");
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            await process.DisposeAsync();
            throw new InvalidOperationException($"Azurite did not start; its output is in {logPath}.", ex);
        }

        return new AzuriteProcess(process, port);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex(@"Azurite Table service successfully started on 127\.0\.0\.1:(\d+)")]
    private static partial Regex Started();
}
