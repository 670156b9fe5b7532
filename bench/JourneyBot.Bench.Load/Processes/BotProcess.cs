using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using JourneyBot.Testing;

namespace JourneyBot.Bench.Load.Processes;

/// <summary>
/// The bot as it runs in production: its own process (<c>dotnet JourneyBot.Web.dll</c>), fresh for
/// every configuration so that its peak memory belongs to that configuration alone. No app id, so
/// no authentication, as the local run command does.
/// </summary>
internal sealed partial class BotProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private BotProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The bot's origin, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Where activities are posted.</summary>
    public Uri MessagesUrl => new(BaseAddress, "api/messages");

    /// <summary>The bot's process id, for CPU, memory and its metrics.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the bot has ended (it never should during a run).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts the bot on a free port against <paramref name="tablesConnectionString"/> and waits until it listens.</summary>
    public static async Task<BotProcess> StartAsync(string botDll, string tablesConnectionString, string tableName, string logPath,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(botDll))
        {
            throw new InvalidOperationException($"The bot is not built at {botDll}: dotnet build src/JourneyBot.Web -c Release (bench/run.sh does), or pass --bot-dll.");
        }

        var port = FreePort.Next();
        var origin = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = origin,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Tables"] = tablesConnectionString,
            ["Storage__TableName"] = tableName,
            ["MapLinks__BaseUrl"] = origin,
            ["MapLinks__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Logging__LogLevel__Default"] = "Warning",
            // The one line that says the bot is ready is an Information of this category.
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            // Whatever the calling shell has: no app id means no authentication, as in scripts/run.sh.
            ["MicrosoftAppId"] = string.Empty,
            ["MicrosoftAppPassword"] = string.Empty,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        var process = ChildProcess.Start("dotnet", [botDll], Path.GetDirectoryName(botDll)!, environment, logPath);
        try
        {
            await process.WaitForLineAsync(Listening(), TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            await process.DisposeAsync();
            throw new InvalidOperationException($"The bot did not start; its output is in {logPath}.", ex);
        }

        return new BotProcess(process, new Uri(origin + "/"));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:\d+")]
    private static partial Regex Listening();
}
