using System.Text.RegularExpressions;
using JourneyBot.Testing;

namespace JourneyBot.EndToEnd.Tests;

/// <summary>
/// The real JourneyBot web host as its own process on 127.0.0.1, built in the same configuration
/// as these tests: what a developer runs, not an in-memory stand-in.
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
        // tests/JourneyBot.EndToEnd.Tests/bin/<Configuration>/net10.0/ → src/JourneyBot.Web/bin/<Configuration>/net10.0/
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var webOutput = Path.Combine(RepoPaths.Root, "src", "JourneyBot.Web", "bin", configuration, testOutput.Name);
        var process = ChildProcess.Start("dotnet", [Path.Combine(webOutput, "JourneyBot.Web.dll")], webOutput,
            new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{listen}",
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_NOLOGO"] = "1",
                ["ConnectionStrings__Tables"] = azurite.ConnectionString,
                ["Storage__TableName"] = tableName,
                ["MapLinks__BaseUrl"] = $"http://127.0.0.1:{listen}",
                ["MapLinks__SigningKey"] = linkKey ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            },
            logPath);
        var server = new BotServer(process, listen);
        await process.WaitForLineAsync(NowListening(), TimeSpan.FromSeconds(60));
        return server;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:\d+")]
    private static partial Regex NowListening();
}
