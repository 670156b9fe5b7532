using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace JourneyBot.Testing;

/// <summary>
/// The real JourneyBot web host as its own process on 127.0.0.1, built in the same configuration
/// as the tests: what a developer runs or Azure hosts, not an in-memory stand-in. Being its own
/// process, it can be given environment variables (such as the managed identity endpoint) that a
/// test process must not change for itself.
/// </summary>
public sealed partial class BotServer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private BotServer(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The port the bot listens on.</summary>
    public int Port { get; }

    /// <summary>The bot's address.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>The bot's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the bot's process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The messaging endpoint.</summary>
    public string MessagesUrl => $"http://127.0.0.1:{Port}/api/messages";

    /// <summary>
    /// Starts the bot without authentication (no app id), as the local run command does, storing
    /// its maps in <paramref name="tableName"/> on the shared Azurite.
    /// </summary>
    public static async Task<BotServer> StartAsync(string logPath, string tableName, int? port = null, string? linkKey = null)
    {
        var azurite = await Azurite.SharedAsync();
        var listen = port ?? FreePort.Next();
        return await StartConfiguredAsync(logPath, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Tables"] = azurite.ConnectionString,
            ["Storage__TableName"] = tableName,
            ["MapLinks__BaseUrl"] = $"http://127.0.0.1:{listen}",
            ["MapLinks__SigningKey"] = linkKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }, listen);
    }

    /// <summary>
    /// Starts the bot with exactly <paramref name="environment"/> as its settings (plus the address
    /// it listens on), and waits until it listens.
    /// </summary>
    public static Task<BotServer> StartConfiguredAsync(string logPath, IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        // tests/<project>/bin/<Configuration>/net10.0/ → src/JourneyBot.Web/bin/<Configuration>/net10.0/
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var webOutput = Path.Combine(RepoPaths.Root, "src", "JourneyBot.Web", "bin", configuration, testOutput.Name);
        return StartBuildAsync(Path.Combine(webOutput, "JourneyBot.Web.dll"), logPath, environment, port, CancellationToken.None);
    }

    /// <summary>
    /// Starts the bot build <paramref name="botDll"/> with exactly <paramref name="environment"/> as
    /// its settings (plus the address it listens on), and waits until it listens.
    /// </summary>
    public static async Task<BotServer> StartBuildAsync(string botDll, string logPath, IReadOnlyDictionary<string, string> environment,
        int? port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var listen = port ?? FreePort.Next();
        var variables = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{listen}",
            ["DOTNET_NOLOGO"] = "1",
        };
        var process = ChildProcess.Start("dotnet", [botDll], Path.GetDirectoryName(botDll)!, variables, logPath);
        var server = new BotServer(process, listen);
        try
        {
            await process.WaitForLineAsync(NowListening(), TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Stops the bot with SIGTERM, as a platform does, and returns its exit code (see <see cref="ChildProcess.TerminateAsync"/>).</summary>
    public Task<int> TerminateAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _process.TerminateAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:\d+")]
    private static partial Regex NowListening();
}
