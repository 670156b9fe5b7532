using System.Globalization;
using System.Security.Cryptography.X509Certificates;
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
    public string ConnectionString => ConnectionStringFor(Port);

    /// <summary>The process-wide instance, started on first use.</summary>
    public static Task<Azurite> SharedAsync() => Shared.Value;

    /// <summary>A table name no other test of this instance uses: letters then digits, e.g. <c>journey12</c>.</summary>
    public string NewTableName() => "journey" + Interlocked.Increment(ref _tables).ToString(CultureInfo.InvariantCulture);

    /// <summary>The connection string of the <c>devstoreaccount1</c> account of an instance on <paramref name="port"/>.</summary>
    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    /// <summary>
    /// A fresh instance of its own, in memory, with its output in <paramref name="logPath"/>: no
    /// table of anyone else's. Dispose it when done.
    /// </summary>
    public static async Task<AzuriteInstance> StartInstanceAsync(string logPath, CancellationToken cancellationToken = default)
    {
        var (process, port) = await LaunchAsync(logPath, [], cancellationToken);
        return new AzuriteInstance(process, port, https: false);
    }

    /// <summary>
    /// A separate instance as Azure Storage is reached with a managed identity: HTTPS with
    /// <paramref name="certificate"/> and bearer tokens checked (<c>--oauth basic</c>: issuer,
    /// audience and lifetime, not the signature). Dispose it when done.
    /// </summary>
    public static async Task<AzuriteInstance> StartSecuredAsync(X509Certificate2 certificate)
    {
        var folder = RepoPaths.Artifacts("azurite");
        var (certificatePath, keyPath) = LoopbackCertificate.WritePem(certificate, folder);
        var (process, port) = await LaunchAsync(LogPath(folder, "secured"), ["--cert", certificatePath, "--key", keyPath, "--oauth", "basic"]);
        return new AzuriteInstance(process, port, https: true);
    }

    // The shared instance lives as long as the test process: ChildProcess stops it on exit.
    private static async Task<Azurite> StartAsync()
    {
        var (_, port) = await LaunchAsync(LogPath(RepoPaths.Artifacts("azurite"), "shared"), []);
        return new Azurite(port);
    }

    private static string LogPath(string folder, string kind) =>
        Path.Combine(folder, $"azurite-{kind}-{Environment.ProcessId}-{Guid.NewGuid():N}.log");

    private static async Task<(ChildProcess Process, int Port)> LaunchAsync(string log, IEnumerable<string> options,
        CancellationToken cancellationToken = default)
    {
        var main = Path.Combine(RepoPaths.Root, "tools", "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException("Azurite is not installed in tools/node_modules: run scripts/ensure-tools.sh (scripts/test.sh does).");
        }

        var port = FreePort.Next();
        var process = ChildProcess.Start("node",
            [main, "--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture),
             "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent", .. options],
            Path.GetDirectoryName(log)!,
            new Dictionary<string, string>(),
            log);

        Match started;
        try
        {
            started = await process.WaitForLineAsync(Started(), TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            await process.DisposeAsync();
            throw new InvalidOperationException($"Azurite did not start; its output is in {log}.", ex);
        }

        if (started.Groups[1].Value != port.ToString(CultureInfo.InvariantCulture))
        {
            await process.DisposeAsync();
            throw new InvalidOperationException($"Azurite started on port {started.Groups[1].Value}, not on {port}.");
        }

        return (process, port);
    }

    [GeneratedRegex(@"Azurite Table service successfully started on 127\.0\.0\.1:(\d+)")]
    private static partial Regex Started();
}
