using System.Globalization;
using System.Text.RegularExpressions;

namespace JourneyBot.Testing;

/// <summary>
/// The Azurite Table service (the pinned npm package in tools/), started once per test process on a
/// free loopback port, in memory, and killed when the process exits. Tests share it and keep apart
/// by using a table each (<see cref="NewTableName"/>).
/// </summary>
public sealed partial class Azurite
{
    // Azurite's fixed development account and key (public, documented, local only).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<Task<Azurite>> Shared = new(StartAsync);

    private int _tables;

    private Azurite(int port) => Port = port;

    /// <summary>The port its Table service listens on.</summary>
    public int Port { get; }

    /// <summary>A connection string for its <c>devstoreaccount1</c> account.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    /// <summary>The process-wide instance, started on first use.</summary>
    public static Task<Azurite> SharedAsync() => Shared.Value;

    /// <summary>A table name no other test of this instance uses: letters then digits, e.g. <c>journey12</c>.</summary>
    public string NewTableName() => "journey" + Interlocked.Increment(ref _tables).ToString(CultureInfo.InvariantCulture);

    private static async Task<Azurite> StartAsync()
    {
        var main = Path.Combine(RepoPaths.Root, "tools", "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException("Azurite is not installed in tools/node_modules: run scripts/ensure-tools.sh (scripts/test.sh does).");
        }

        var folder = RepoPaths.Artifacts("azurite");
        var log = Path.Combine(folder, $"azurite-{Environment.ProcessId}.log");
        var port = FreePort.Next();
        var process = ChildProcess.Start("node",
            [main, "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture),
             "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent"],
            folder,
            new Dictionary<string, string>(),
            log);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => process.DisposeAsync().AsTask().GetAwaiter().GetResult();

        Match started;
        try
        {
            started = await process.WaitForLineAsync(Started(), TimeSpan.FromSeconds(30));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            throw new InvalidOperationException($"Azurite did not start; its output is in {log}.", ex);
        }

        if (started.Groups[1].Value != port.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"Azurite started on port {started.Groups[1].Value}, not on {port}.");
        }

        return new Azurite(port);
    }

    [GeneratedRegex(@"Azurite Table service successfully started on 127\.0\.0\.1:(\d+)")]
    private static partial Regex Started();
}
