using System.Globalization;
using JourneyBot.Testing;

namespace JourneyBot.Bench.Load.Processes;

/// <summary>
/// The bot as it runs in production: its own process (<c>dotnet JourneyBot.Web.dll</c>), fresh for
/// every configuration so that its peak memory belongs to that configuration alone. No app id, so
/// no authentication, as the local run command does.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly BotServer _server;

    private BotProcess(BotServer server) => _server = server;

    /// <summary>The bot's origin, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Where activities are posted.</summary>
    public Uri MessagesUrl => new(BaseAddress, "api/messages");

    /// <summary>The bot's process id, for CPU, memory and its metrics.</summary>
    public int ProcessId => _server.ProcessId;

    /// <summary>Whether the bot has ended (it never should during a run).</summary>
    public bool HasExited => _server.HasExited;

    /// <summary>
    /// Starts the bot on a free port against <paramref name="tablesConnectionString"/> and waits until it listens.
    /// Instances of one configuration share the table and <paramref name="signingKey"/> (a map link made on one opens on
    /// every other), and each is told how many they are (<c>ConnectorPacing:Instances</c>), as the deployment tells them.
    /// </summary>
    public static async Task<BotProcess> StartAsync(string botDll, string tablesConnectionString, string tableName, string logPath,
        string signingKey, int instances, CancellationToken cancellationToken)
    {
        if (!File.Exists(botDll))
        {
            throw new InvalidOperationException($"The bot is not built at {botDll}: dotnet build src/JourneyBot.Web -c Release (bench/run.sh does), or pass --bot-dll.");
        }

        var port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Tables"] = tablesConnectionString,
            ["Storage__TableName"] = tableName,
            ["MapLinks__BaseUrl"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["MapLinks__SigningKeys__0"] = signingKey,
            ["ConnectorPacing__Instances"] = instances.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
            // The one line that says the bot is ready is an Information of this category.
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            // Whatever the calling shell has: no app id means no authentication, as in scripts/run.sh.
            ["MicrosoftAppId"] = string.Empty,
            ["MicrosoftAppPassword"] = string.Empty,
            // Production without an app id starts only when said; the mock connector is on loopback, which it then requires.
            ["BotHost__AllowAnonymous"] = "true",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        try
        {
            return new BotProcess(await BotServer.StartBuildAsync(botDll, logPath, environment, port, cancellationToken));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            throw new InvalidOperationException($"The bot did not start; its output is in {logPath}.", ex);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
